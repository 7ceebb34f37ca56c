using System.Text.Json;
using Plenary.Core.Claims;
using Plenary.Core.Ids;
using Plenary.Core.Time;

namespace Plenary.Core.Tests;

public class ClaimJsonTests
{
    public static TheoryData<ClaimFact> Facts() =>
    [
        new MembershipFact(StateId.Parse("ARM"), OrgId.Parse("csto"), Standing.ParticipationFrozen, null, EdtfDate.Parse("2024-11-26")),
        new MeetingFact(OrgId.Parse("csto"), [BodyId.Parse("csto/cfm"), BodyId.Parse("csto/cdm")], "Astana", StateId.Parse("KAZ"), EdtfDate.Parse("2024-11-28"), null, MeetingStatus.Scheduled),
        new AttendanceFact(StateId.Parse("ARM"), OrgId.Parse("csto"), EdtfDate.Parse("2024-11-28"), "Astana", AttendanceKind.LowerLevel, "Ararat Mirzoyan"),
        new AttendanceFact(StateId.Parse("ARM"), OrgId.Parse("csto"), EdtfDate.Parse("2024-11-28"), "Astana", AttendanceKind.Absent, null, [BodyId.Parse("csto/csc")]),
        new ChairFact(OrgId.Parse("eaeu"), null, StateId.Parse("ARM"), "Nikol Pashinyan", EdtfDate.Parse("2024-12"), ChairScope.Session),
        new StatementFact("Yuri Ushakov", StateId.Parse("RUS"), "Russian presidential adviser", EdtfDate.Parse("2024-11-26"), "De jure, Yerevan remains a full member of the CSTO", ["ARM", "csto"]),
    ];

    [Theory]
    [MemberData(nameof(Facts))]
    public void Facts_round_trip_through_claims_md_json(ClaimFact fact)
    {
        var json = ClaimJson.FactToJson(fact);
        using var doc = JsonDocument.Parse(json);
        Assert.Equal(fact, ClaimJson.ReadFact(doc.RootElement));
    }

    [Fact]
    public void A_json_line_has_the_contract_fields()
    {
        var fact = new MembershipFact(StateId.Parse("ARM"), OrgId.Parse("csto"), Standing.Member, null, EdtfDate.Parse("2024-11-26"));
        var line = ClaimJson.ToLine("000-seed", fact, [new Evidence(10, 20)], Modality.Planned);
        Assert.Equal("""{"doc":"000-seed","type":"membership","state":"ARM","org":"csto","status":"member","date":null,"as_of":"2024-11-26","modality":"planned","evidence":[[10,20]]}""", line);
    }

    [Fact]
    public void Lines_written_through_one_writer_are_the_lines_of_ToLine()
    {
        var facts = new List<ClaimFact>();
        foreach (var fact in Facts()) facts.Add(fact);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using var w = new Utf8JsonWriter(buffer, ClaimJson.WriterOptions);
        var expected = new System.Text.StringBuilder();
        for (int i = 0; i < facts.Count; i++)
        {
            var fact = facts[i];
            var modality = i % 2 == 0 ? Modality.Reported : Modality.Planned;
            ClaimJson.WriteLine(w, "doc-1", fact, [new Evidence(i, i + 5)], modality);
            w.Flush();
            w.Reset();
            System.Buffers.BuffersExtensions.Write(buffer, "\n"u8);
            expected.Append(ClaimJson.ToLine("doc-1", fact, [new Evidence(i, i + 5)], modality)).Append('\n');
        }
        Assert.True(facts.Count > 3);
        Assert.Equal(expected.ToString(), System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    [Theory]
    [InlineData("""{"type":"membership","state":"arm","org":"csto","status":"member"}""", "state")]
    [InlineData("""{"type":"membership","state":"ARM","org":"csto","status":"frozen"}""", "status")]
    [InlineData("""{"type":"membership","state":"ARM","org":"csto"}""", "status")]
    [InlineData("""{"type":"meeting","org":"csto","date":"2024-13-01"}""", "date")]
    [InlineData("""{"type":"gathering"}""", "claim type")]
    [InlineData("""{"type":"statement","speaker":"X"}""", "quote")]
    public void Bad_claims_name_the_field(string json, string field)
    {
        using var doc = JsonDocument.Parse(json);
        var e = Assert.Throws<FormatException>(() => ClaimJson.ReadFact(doc.RootElement));
        Assert.Contains(field, e.Message);
    }

    [Fact]
    public void Claim_ids_are_deterministic_and_depend_on_source_fact_and_evidence()
    {
        var fact = new MembershipFact(StateId.Parse("ARM"), OrgId.Parse("csto"), Standing.Member, EdtfDate.Parse("2002-10-07"));
        Assert.Equal(Claim.IdFor("a", fact, []), Claim.IdFor("a", fact with { }, []));
        Assert.NotEqual(Claim.IdFor("a", fact, []), Claim.IdFor("b", fact, []));
        Assert.NotEqual(Claim.IdFor("a", fact, []), Claim.IdFor("a", fact, [new Evidence(0, 5)]));
    }

    [Fact]
    public void Wire_names_are_kebab_case()
    {
        Assert.Equal("participation-frozen", WireName.Of(Standing.ParticipationFrozen));
        Assert.Equal("lower-level", WireName.Of(AttendanceKind.LowerLevel));
        Assert.True(WireName.TryParse<Standing>("withdrawal-announced", out var s) && s == Standing.WithdrawalAnnounced);
        Assert.False(WireName.TryParse<Standing>("Member", out _));
    }
}
