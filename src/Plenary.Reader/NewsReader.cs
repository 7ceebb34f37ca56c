using System.Runtime.CompilerServices;
using System.Diagnostics;
using Plenary.Core.Articles;
using Plenary.Core.Claims;
using Plenary.Core.Registry;
using Plenary.Reader.Gazetteer;
using Plenary.Reader.Patterns;
using Plenary.Reader.Persons;
using Plenary.Reader.Quotes;
using Plenary.Reader.Sentences;
using Plenary.Reader.Time;
using Plenary.Reader.Tokens;

namespace Plenary.Reader;

/// <summary>Time spent and bytes allocated in each stage, summed over the documents read.</summary>
public sealed class StageTimings
{
    private readonly Dictionary<string, (long Ticks, long Bytes)> _stages = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];

    public void Add(string stage, long ticks, long allocatedBytes = 0)
    {
        lock (_stages)
        {
            if (!_stages.TryGetValue(stage, out var sum)) _order.Add(stage);
            _stages[stage] = (sum.Ticks + ticks, sum.Bytes + allocatedBytes);
        }
    }

    public IEnumerable<(string Stage, TimeSpan Time)> Report()
    {
        lock (_stages) return _order.Select(s => (s, TimeSpan.FromSeconds(_stages[s].Ticks / (double)Stopwatch.Frequency))).ToList();
    }

    /// <summary>Bytes allocated on the managed heap by each stage (what the garbage collector must later reclaim).</summary>
    public IEnumerable<(string Stage, long Bytes)> Allocations()
    {
        lock (_stages) return _order.Select(s => (s, _stages[s].Bytes)).ToList();
    }
}

/// <summary>What the reader found in one article: the claims it proposes and the annotated document (for --explain).</summary>
public sealed record ReadResult(Article Article, IReadOnlyList<ProposedClaim> Claims, Document Document);

/// <summary>
/// The news reader: an article in, proposed claims out. The pipeline, in order —
/// <c>tokens → sentences → gazetteer → persons → time → quotes → claims</c> — each stage a class in its own folder that
/// adds a layer to the <see cref="Document"/>. Built once from the registry's <see cref="Catalog"/>; thread-safe
/// (documents share only read-only tables), deterministic, and linear in the length of the text.
/// </summary>
public sealed class NewsReader
{
    private readonly Lexicons _lexicons;
    private readonly Gazetteer.Gazetteer _gazetteer;
    private readonly PersonRecognizer _persons;
    private readonly TimeTagger _time;
    private readonly QuoteTagger _quotes;
    private readonly MembershipRules _membership;
    private readonly AttendanceRules _attendance;
    private readonly ChairRules _chairs;
    private readonly StatementRules _statements = new();

    public NewsReader(Catalog catalog, Lexicons? lexicons = null)
    {
        _lexicons = lexicons ?? Lexicons.Default;
        _gazetteer = new Gazetteer.Gazetteer(catalog, _lexicons);
        _persons = new PersonRecognizer(catalog, _lexicons);
        _time = new TimeTagger(_lexicons);
        _quotes = new QuoteTagger(_lexicons);
        _membership = new MembershipRules(_lexicons);
        _attendance = new AttendanceRules(_lexicons);
        _chairs = new ChairRules(_lexicons);
    }

    /// <summary>The names of the stages, in the order they run.</summary>
    public static IReadOnlyList<string> Stages { get; } = ["tokens", "sentences", "gazetteer", "persons", "time", "quotes", "claims:meetings", "claims:membership", "claims:attendance", "claims:chairs", "claims:statements", "claims:merge"];

    /// <summary>The claims an article states, proposed for review, in text order.</summary>
    public IReadOnlyList<ProposedClaim> Propose(Article article) => Read(article).Claims;

    public ReadResult Read(Article article, StageTimings? timings = null)
    {
        var doc = new Document(article);
        var sw = Stopwatch.StartNew();
        long allocated = GC.GetAllocatedBytesForCurrentThread();
        void Mark(string stage)
        {
            if (timings is null) return;
            long now = GC.GetAllocatedBytesForCurrentThread();
            timings.Add(stage, sw.ElapsedTicks, now - allocated);
            allocated = now;
            sw.Restart();
        }

        doc.Tokens = Tokenizer.Tokenize(doc.Text, _lexicons.Abbreviations);
        doc.Lower = Tokenizer.LowerAll(doc.Text, doc.Tokens);
        Mark("tokens");

        doc.Sentences = SentenceSplitter.Split(doc.Text, doc.Tokens);
        doc.SentenceOf = new int[doc.Tokens.Count];
        for (int s = 0; s < doc.Sentences.Count; s++)
            for (int t = doc.Sentences[s].First; t < doc.Sentences[s].End; t++) doc.SentenceOf[t] = s;
        Mark("sentences");

        new GazetteerTagger(_gazetteer, _lexicons).Run(doc);
        IndexMentions(doc);
        Mark("gazetteer");

        _persons.Run(doc);
        IndexMentions(doc);
        Mark("persons");

        _time.Run(doc);
        Mark("time");

        _quotes.Run(doc);
        Mark("quotes");

        var cx = new RuleContext(doc, _lexicons);
        var meetings = new MeetingRules(_lexicons);
        meetings.Run(cx);
        var claims = new List<ProposedClaim>();
        claims.AddRange(meetings.Claims());
        Mark("claims:meetings");
        claims.AddRange(_membership.Run(cx));
        Mark("claims:membership");
        claims.AddRange(_attendance.Run(cx, meetings));
        Mark("claims:attendance");
        claims.AddRange(_chairs.Run(cx, meetings));
        Mark("claims:chairs");
        claims.AddRange(_statements.Run(cx));
        Mark("claims:statements");
        var merged = ClaimMerger.Merge(claims)
            .Where(c => c.Evidence.Count > 0 && c.Evidence.All(e => e.FitsIn(doc.Text.Length)))
            .ToList();
        merged = InTextOrder(merged);
        Mark("claims:merge");
        return new ReadResult(article, merged, doc);
    }

    /// <summary>
    /// Claims in text order: by the start of their first evidence, then by type, then by the fact's canonical text —
    /// a stable order (equal claims keep theirs). The canonical text (a JSON serialization) is made only for claims
    /// that tie on the first two, and once per claim.
    /// </summary>
    private static List<ProposedClaim> InTextOrder(List<ProposedClaim> claims)
    {
        var keys = new string?[claims.Count];
        var order = new int[claims.Count];
        for (int i = 0; i < order.Length; i++) order[i] = i;
        Array.Sort(order, (x, y) =>
        {
            var a = claims[x];
            var b = claims[y];
            int c = a.Evidence[0].Start.CompareTo(b.Evidence[0].Start);
            if (c == 0) c = a.Fact.Type.CompareTo(b.Fact.Type);
            if (c == 0 && x != y) c = string.CompareOrdinal(keys[x] ??= ClaimJson.FactKey(a.Fact), keys[y] ??= ClaimJson.FactKey(b.Fact));
            return c != 0 ? c : x.CompareTo(y);
        });
        var sorted = new List<ProposedClaim>(claims.Count);
        foreach (var i in order) sorted.Add(claims[i]);
        return sorted;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void IndexMentions(Document doc)
    {
        var at = new int[doc.Tokens.Count];
        Array.Fill(at, -1);
        for (int i = 0; i < doc.Mentions.Count; i++)
            if (at[doc.Mentions[i].First] < 0) at[doc.Mentions[i].First] = i;
        doc.MentionAt = at;
    }
}
