using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Plenary.Core.Claims;

namespace Plenary.Reader.Tests.Support;

/// <summary>
/// The matching rules of shared/tools/score_claims.py (spec/claims.md, "How claims are scored"), in C#, so tests can
/// hold the reader to the acceptance figures: micro F1, date accuracy, evidence validity.
/// </summary>
public static partial class Scorer
{
    public sealed record Result(int Gold, int Predicted, int Matched, int Dates, int DatesOk, int Evidence, int EvidenceOk)
    {
        public double Precision => Predicted == 0 ? (Gold == 0 ? 1 : 0) : Matched / (double)Predicted;
        public double Recall => Gold == 0 ? 1 : Matched / (double)Gold;
        public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
        public double DateAccuracy => Dates == 0 ? 1 : DatesOk / (double)Dates;
        public double EvidenceValidity => Evidence == 0 ? 1 : EvidenceOk / (double)Evidence;
        public static Result operator +(Result a, Result b) => new(a.Gold + b.Gold, a.Predicted + b.Predicted, a.Matched + b.Matched,
            a.Dates + b.Dates, a.DatesOk + b.DatesOk, a.Evidence + b.Evidence, a.EvidenceOk + b.EvidenceOk);
    }

    public static Result Score(JsonElement goldDoc, string text, IEnumerable<string> predictedLines)
    {
        var preds = predictedLines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        int ev = preds.Count, evOk = preds.Count(p => EvidenceValid(p, text.Length));
        int gold = 0, pred = 0, tp = 0, dates = 0, datesOk = 0;
        var golds = goldDoc.GetProperty("claims").EnumerateArray().ToList();
        foreach (var type in new[] { "membership", "meeting", "attendance", "chair", "statement" })
        {
            var gs = golds.Where(g => Str(g, "type") == type).OrderBy(g => Optional(g)).ToList();
            var ps = preds.Where(p => Str(p, "type") == type).ToList();
            var used = new HashSet<int>();
            int matchedOptional = 0;
            foreach (var g in gs)
            {
                int best = -1; double bestScore = 0;
                for (int i = 0; i < ps.Count; i++)
                {
                    if (used.Contains(i)) continue;
                    var s = Match(type, g, ps[i]);
                    if (s > bestScore) { best = i; bestScore = s; }
                }
                if (best < 0) { if (!Optional(g)) gold++; continue; }
                used.Add(best);
                if (Optional(g)) { matchedOptional++; continue; }
                gold++; tp++;
                var gd = GoldDate(type, g);
                if (gd is not null)
                {
                    dates++;
                    var pd = PredDate(type, g, ps[best]);
                    if (pd is not null && Within(pd, gd) && Parse(pd)!.Length >= Parse(gd)!.Length) datesOk++;
                }
            }
            pred += ps.Count - matchedOptional;
        }
        return new Result(gold, pred, tp, dates, datesOk, ev, evOk);
    }

    private static bool Optional(JsonElement g) => g.TryGetProperty("optional", out var o) && o.ValueKind == JsonValueKind.True;

    private static double Match(string t, JsonElement g, JsonElement p)
    {
        switch (t)
        {
            case "membership":
                return Up(g, "state") == Up(p, "state") && Low(g, "org") == Low(p, "org") && Low(g, "status") == Low(p, "status") ? 1 : 0;
            case "meeting":
                if (Low(g, "org") != Low(p, "org")) return 0;
                bool dateOk = Str(g, "date") is { } gd && Str(p, "date") is { } pd && Within(pd, gd);
                bool placeOk = Str(g, "place") is { } gp && Str(p, "place") is { } pp && Place(gp) == Place(pp);
                return (dateOk ? 1 : 0) + (placeOk ? 1 : 0);
            case "attendance":
                if (!(Up(g, "state") == Up(p, "state") && Low(g, "org") == Low(p, "org") && Low(g, "attendance") == Low(p, "attendance"))) return 0;
                return Str(g, "meeting_date") is { } gm ? (Str(p, "meeting_date") is { } pm && Within(pm, gm) ? 1 : 0) : 1;
            case "chair":
                return Low(g, "org") == Low(p, "org") && Up(g, "state") == Up(p, "state") ? 1 : 0;
            default:
                if (!SamePerson(Str(g, "speaker") ?? "", Str(p, "speaker") ?? "")) return 0;
                var ov = Overlap(Str(g, "quote") ?? "", Str(p, "quote") ?? "");
                return ov >= 0.6 ? ov : 0;
        }
    }

    private static string? GoldDate(string t, JsonElement g) => t switch
    {
        "membership" => Str(g, "date") ?? Str(g, "as_of"),
        "attendance" => Str(g, "meeting_date"),
        _ => Str(g, "date"),
    };

    private static string? PredDate(string t, JsonElement g, JsonElement p) => t switch
    {
        "membership" => Str(g, "date") is not null ? Str(p, "date") : Str(p, "as_of") ?? Str(p, "date"),
        "attendance" => Str(p, "meeting_date"),
        _ => Str(p, "date"),
    };

    private static int[]? Parse(string? d)
    {
        if (d is null || !EdtfRegex().IsMatch(d.Trim())) return null;
        return d.Trim().Split('-').Select(x => int.Parse(x, CultureInfo.InvariantCulture)).ToArray();
    }

    private static bool Within(string pred, string gold)
    {
        var p = Parse(pred); var g = Parse(gold);
        return p is not null && g is not null && p.Length >= g.Length && p.Take(g.Length).SequenceEqual(g);
    }

    private static readonly HashSet<string> Titles = ["mr", "mrs", "ms", "dr", "sir", "president", "prime", "minister", "foreign", "defence", "defense",
        "secretary", "general", "spokesman", "spokeswoman", "spokesperson", "ambassador", "adviser", "advisor", "aide", "deputy", "chairman", "chair",
        "king", "queen", "emir", "sheikh", "crown", "prince", "gen", "col", "lt", "vice", "chancellor", "premier", "the"];

    private static bool SamePerson(string a, string b)
    {
        var ta = Words(a).Where(w => !Titles.Contains(w)).ToList();
        var tb = Words(b).Where(w => !Titles.Contains(w)).ToList();
        return ta.Count > 0 && tb.Count > 0 && (ta.SequenceEqual(tb) || ta[^1] == tb[^1]);
    }

    private static double Overlap(string a, string b)
    {
        var wa = Words(a).ToHashSet(); var wb = Words(b).ToHashSet();
        if (wa.Count == 0 || wb.Count == 0) return 0;
        return wa.Intersect(wb).Count() / (double)wa.Union(wb).Count();
    }

    private static IEnumerable<string> Words(string s)
    {
        var folded = new string(s.Normalize(NormalizationForm.FormKD).Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark).ToArray())
            .Replace('’', '\'').Replace('‘', '\'').ToLowerInvariant();
        return WordRegex().Matches(folded).Select(m => m.Value);
    }

    private static string Place(string s)
    {
        var p = string.Join(' ', Words(StRegex().Replace(s, "Saint ")));
        p = CityRegex().Replace(p, "").Trim();
        return p switch { "nur sultan" => "astana", "new delhi" => "delhi", "washington dc" or "washington d c" => "washington", _ => p };
    }

    private static bool EvidenceValid(JsonElement p, int length)
    {
        if (!p.TryGetProperty("evidence", out var ev) || ev.ValueKind != JsonValueKind.Array || ev.GetArrayLength() == 0) return false;
        foreach (var span in ev.EnumerateArray())
        {
            if (span.ValueKind != JsonValueKind.Array || span.GetArrayLength() != 2) return false;
            int s = span[0].GetInt32(), e = span[1].GetInt32();
            if (!(0 <= s && s < e && e <= length)) return false;
        }
        return true;
    }

    private static string? Str(JsonElement o, string f) => o.TryGetProperty(f, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
    private static string Up(JsonElement o, string f) => (Str(o, f) ?? "").Trim().ToUpperInvariant();
    private static string Low(JsonElement o, string f) => (Str(o, f) ?? "").Trim().ToLowerInvariant();

    [GeneratedRegex(@"^\d{4}(-\d{2}(-\d{2})?)?$")] private static partial Regex EdtfRegex();
    [GeneratedRegex(@"[a-z0-9]+(?:'[a-z]+)?")] private static partial Regex WordRegex();
    [GeneratedRegex(@"\bSt\.?\s")] private static partial Regex StRegex();
    [GeneratedRegex(@"\bcity\b")] private static partial Regex CityRegex();
}
