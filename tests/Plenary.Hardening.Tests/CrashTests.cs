using System.Diagnostics;
using System.Globalization;
using Xunit.Abstractions;
using Run = Plenary.Cli.Tests.Plenary;

namespace Plenary.Hardening.Tests;

/// <summary>
/// Crash safety, tested by killing: the real <c>plenary</c> binary runs <c>ingest</c> of a folder of articles,
/// <c>import cow</c>, <c>accept</c> of many claims and <c>db copy</c>, and is killed (SIGKILL) at random moments, at
/// least 25 times per operation per engine. The next run of the same command continues on what the killed one left.
/// After each kill the registry must pass its engine's integrity check and hold each article with all its claims or not
/// at all (an all-or-none command: the state before it or after it); every fifth kill, and whenever a run finishes, a
/// run to completion must leave exactly what an uninterrupted run leaves (no duplicate, nothing lost).
/// </summary>
[Collection(HardeningCollection.Name)]
public sealed class CrashTests(ITestOutputHelper output)
{
    /// <summary>25 by the issue; $PLENARY_CRASH_KILLS sets another count (.ci/run keeps CI within its time).</summary>
    private static readonly int KillsPerOperation =
        Environment.GetEnvironmentVariable("PLENARY_CRASH_KILLS") is { Length: > 0 } k ? int.Parse(k, CultureInfo.InvariantCulture) : 25;
    private const int ArticleCount = 40;

    /// <summary>
    /// $PLENARY_CRASH_SECONDS: the most the kill loops of one engine may take together (.ci/run keeps CI within its
    /// time with it). Each operation gets an equal share of what is left when it starts; an operation whose share runs
    /// out stops killing, but never below <see cref="MinKills"/>. Unset: no limit, every operation gets all its kills.
    /// </summary>
    private static readonly TimeSpan? Budget =
        Environment.GetEnvironmentVariable("PLENARY_CRASH_SECONDS") is { Length: > 0 } b ? TimeSpan.FromSeconds(int.Parse(b, CultureInfo.InvariantCulture)) : null;
    private static readonly int MinKills = Math.Min(5, KillsPerOperation);

    private sealed class Tally
    {
        public int Kills, Corrupt, HalfRecorded, Duplicates, FailedRuns, FinishedBeforeKill, Operations;
        /// <summary>Operations that stopped below the asked kills when their share of $PLENARY_CRASH_SECONDS ran out.</summary>
        public List<string> Short { get; } = [];
        public List<string> Problems { get; } = [];
    }

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public void Killing_writers_never_corrupts_half_records_or_duplicates(string engine)
    {
        using var regs = new Registries(engine);
        var seed = Environment.GetEnvironmentVariable("PLENARY_HARDENING_SEED") is { } s ? int.Parse(s, CultureInfo.InvariantCulture) : Environment.TickCount;
        var rng = new Random(seed);
        output.WriteLine($"seed {seed} (PLENARY_HARDENING_SEED={seed} repeats the kill moments' draws)");
        var tally = new Tally();
        var killing = new Stopwatch();
        var ops = File.Exists(IgoYear) ? 4 : 3;
        var share = () => Budget is { } b ? (b - killing.Elapsed) / Math.Max(1, ops - tally.Operations) : (TimeSpan?)null;
        var articles = Articles.Folder(Path.Combine(regs.Folder, "articles"), "crash", ArticleCount);

        // ingest: an article at a time; each article fully recorded with its claims, or absent.
        var init = regs.New("init");
        Must(Complete("init", "--db", init), "init");
        var ingestArgs = (string db) => new[] { "ingest", articles, "--db", db, "--format", "json" };
        var ingested = regs.Clone(init, "ingested");
        var ingestTime = Timed(() => Must(Complete(ingestArgs(ingested)), "ingest"));
        var ingestedSnap = Snapshot(regs, ingested);
        var claimsPerArticle = ClaimsPerArticle(regs, ingested);
        var initSnap = Snapshot(regs, init);
        long initIngests;
        using (var c = regs.Connect(init)) initIngests = Registries.Scalar(c, "SELECT count(*) FROM audit_log WHERE action = 'ingest'");
        Kill(regs, "ingest", tally, killing, share(), rng, ingestTime, fresh: () => regs.Clone(init, "work-ingest"), ingestArgs,
            halfRecorded: db => IngestHalfRecorded(regs, db, claimsPerArticle, initSnap, initIngests),
            complete: (db, run) => run.ExitCode == 0 ? Difference(Snapshot(regs, db), ingestedSnap) : $"exit {run.ExitCode}: {run.Err.Trim()}");

        // accept: all the ingested claims in one command, all or none.
        string[] ids;
        using (var c = regs.Connect(ingested)) ids = Registries.Rows(c, "SELECT id FROM claims WHERE source_id LIKE 'crash-%' ORDER BY id").Select(r => r[0]).ToArray();
        Assert.Equal(claimsPerArticle.Values.Sum(), ids.Length);
        var acceptArgs = (string db) => (string[])["accept", .. ids, "--db", db];
        var accepted = regs.Clone(ingested, "accepted");
        var acceptTime = Timed(() => Must(Complete(acceptArgs(accepted)), "accept"));
        var acceptedSnap = Snapshot(regs, accepted);
        Kill(regs, "accept", tally, killing, share(), rng, acceptTime, fresh: () => regs.Clone(ingested, "work-accept"), acceptArgs,
            halfRecorded: db => OneOf(Snapshot(regs, db), ingestedSnap, acceptedSnap),
            complete: (db, run) => run.ExitCode == 0 || (run.ExitCode == 2 && run.Err.Contains("already accepted", StringComparison.Ordinal))
                ? Difference(Snapshot(regs, db), acceptedSnap) ?? DuplicateDecisions(regs, db)
                : $"exit {run.ExitCode}: {run.Err.Trim()}");

        // db copy: into a new registry, one transaction; a target that holds the registry is refused (exit 2).
        var copyArgs = (string db) => new[] { "db", "copy", "--from", ingested, "--to", db };
        var copied = regs.New("copied");
        var copyTime = Timed(() => Must(Complete(copyArgs(copied)), "db copy"));
        // Everything but browser sessions is copied.
        var copiedSnap = Snapshot(regs, copied);
        Assert.Null(Difference(Without(copiedSnap, "sessions"), Without(ingestedSnap, "sessions")));
        string? target = null;
        Kill(regs, "db copy", tally, killing, share(), rng, copyTime, fresh: () => { if (target is not null) regs.Drop(target); return target = regs.New("work-copy"); }, copyArgs,
            // Absent, created but empty (the schema's own bookkeeping in plenary_meta aside), or the whole copy.
            halfRecorded: db => !regs.Exists(db) ? null : Snapshot(regs, db) is var snap && snap.Where(t => t.Key != "plenary_meta").Sum(t => t.Value) == 0 ? null : Difference(snap, copiedSnap),
            complete: (db, run) => run.ExitCode == 0 || (run.ExitCode == 2 && run.Err.Contains("holds", StringComparison.Ordinal))
                ? Difference(Snapshot(regs, db), copiedSnap) : $"exit {run.ExitCode}: {run.Err.Trim()}");

        // import cow: an excerpt of COW IGO v3's igo-year file (its header and first rows, real data) into an empty
        // registry, one transaction. The whole file takes a minute or more a run on PostgreSQL, so 25 kills of it do not
        // fit in CI's time; what a kill can interrupt (start-up, parsing, the write transaction, its commit) is the same.
        if (File.Exists(IgoYear))
        {
            var igoYear = Path.Combine(regs.Folder, "igo-year-excerpt.csv");
            File.WriteAllLines(igoYear, File.ReadLines(IgoYear).Take(1 + IgoYearExcerptRows));
            var empty = regs.New("empty");
            Must(Complete("init", "--empty", "--db", empty), "init --empty");
            var emptySnap = Snapshot(regs, empty);
            var importArgs = (string db) => new[] { "import", "cow", "--igo-year", igoYear, "--db", db };
            var imported = regs.Clone(empty, "imported");
            var importTime = Timed(() => Must(Complete(importArgs(imported)), "import cow"));
            var importedSnap = Snapshot(regs, imported);
            Kill(regs, "import cow", tally, killing, share(), rng, importTime, fresh: () => regs.Clone(empty, "work-import"), importArgs,
                halfRecorded: db => OneOf(Snapshot(regs, db), emptySnap, importedSnap),
                complete: (db, run) => run.ExitCode == 0 ? Difference(Snapshot(regs, db), importedSnap) : $"exit {run.ExitCode}: {run.Err.Trim()}");
        }
        else output.WriteLine($"import cow not killed: {IgoYear} is absent (COW IGO v3 lives in ../shared/data)");

        foreach (var p in tally.Problems) output.WriteLine(p);
        Summary.Write(output, $"crash[{engine}]", $"{tally.Kills} kills, {tally.Corrupt} corrupt, {tally.HalfRecorded} half-recorded, {tally.Duplicates} duplicates" +
            (tally.FailedRuns > 0 ? $", {tally.FailedRuns} failed re-runs" : "") + $" ({tally.FinishedBeforeKill} runs finished before their kill; {KillsPerOperation} asked per operation" +
            (tally.Short.Count > 0 ? $", time budget reached: {string.Join(", ", tally.Short)} kills" : "") + string.Create(CultureInfo.InvariantCulture, $"; kill loops {killing.Elapsed.TotalSeconds:F0} s)"));
        Assert.True(tally.Corrupt + tally.HalfRecorded + tally.Duplicates + tally.FailedRuns == 0, string.Join("\n", tally.Problems));
        Assert.True(tally.Kills >= ops * (Budget is null ? KillsPerOperation : MinKills));
    }

    private void Kill(Registries regs, string op, Tally tally, Stopwatch killing, TimeSpan? share, Random rng, TimeSpan reference, Func<string> fresh, Func<string, string[]> args,
        Func<string, string?> halfRecorded, Func<string, Run.Result, string?> complete)
    {
        var clock = Stopwatch.StartNew();
        killing.Start();
        tally.Operations++;
        var work = fresh();
        int kills = 0, finished = 0;
        var ms = Math.Max(200, (int)reference.TotalMilliseconds);
        while (kills < KillsPerOperation && (kills < MinKills || share is not { } s || clock.Elapsed < s))
        {
            // A moment anywhere in the run: from the program's start-up to past its usual end.
            var delay = rng.Next(ms / 20, ms * 11 / 10);
            using var p = Run.Start(null, args(work));
            var stdout = p.StandardOutput.ReadToEndAsync();
            var stderr = p.StandardError.ReadToEndAsync();
            var started = Stopwatch.StartNew();
            if (p.WaitForExit(delay))
            {
                p.WaitForExit();
                // Runs got quicker than the reference (a busy machine when it was measured): draw within what they take now.
                ms = Math.Max(200, (int)started.ElapsedMilliseconds);
                finished++;
                tally.FinishedBeforeKill++;
                Verify(regs, op, tally, work, halfRecorded, $"run finished ({delay} ms)");
                if (complete(work, new Run.Result(p.ExitCode, stdout.Result, stderr.Result)) is { } problem) Failed(tally, op, "a run that finished", problem);
                work = fresh();
                continue;
            }
            p.Kill(entireProcessTree: true);
            p.WaitForExit();
            // On PostgreSQL the killed client's server session ends when the server notices the closed socket; a
            // statement under way finishes first and holds its locks until then. Wait for that, as a re-run would.
            if (regs.Engine == "postgres") regs.WaitForSessionsToEnd(work);
            kills++;
            tally.Kills++;
            Verify(regs, op, tally, work, halfRecorded, $"kill {kills} at {delay} ms");
            if (kills % 5 == 0)
            {
                var run = Complete(args(work));
                if (complete(work, run) is { } problem) Failed(tally, op, $"the re-run after kill {kills}", problem);
                work = fresh();
            }
        }
        killing.Stop();
        if (kills < KillsPerOperation) tally.Short.Add($"{op} {kills}");
        // The time per kill (runs, checks, re-runs) is what sets how many kills CI's time allows (.ci/run).
        var line = string.Create(CultureInfo.InvariantCulture,
            $"{op}: {kills} kills in {clock.Elapsed.TotalSeconds:F1} s ({clock.Elapsed.TotalSeconds / Math.Max(1, kills):F2} s a kill), {finished} runs finished before their kill (an uninterrupted run takes {reference.TotalMilliseconds:F0} ms)");
        output.WriteLine(line);
        Console.WriteLine($"crash[{regs.Engine}] {line}");
    }

    private static void Failed(Tally tally, string op, string what, string problem)
    {
        if (problem.StartsWith("exit ", StringComparison.Ordinal)) tally.FailedRuns++;
        else tally.Duplicates++;
        tally.Problems.Add($"{op}: {what}: {problem}");
    }

    private static void Verify(Registries regs, string op, Tally tally, string db, Func<string, string?> halfRecorded, string when)
    {
        string? integrity;
        try { integrity = regs.Engine == "sqlite" && !File.Exists(db) ? null : regs.IntegrityProblem(db); }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException) { integrity = "does not open: " + e.Message; }
        if (integrity is not null) { tally.Corrupt++; tally.Problems.Add($"{op}: {when}: {integrity}"); return; }
        if (halfRecorded(db) is { } half) { tally.HalfRecorded++; tally.Problems.Add($"{op}: {when}: {half}"); }
    }

    /// <summary>Row counts of every table of the registry (full-text index internals aside).</summary>
    public static SortedDictionary<string, long> Snapshot(Registries regs, string db)
    {
        var snap = new SortedDictionary<string, long>(StringComparer.Ordinal);
        if (regs.Engine == "sqlite" && !File.Exists(db)) return snap;
        using var c = regs.Connect(db);
        var tables = Registries.Rows(c, regs.Engine == "sqlite"
            ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_index%'"
            : "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'").Select(r => r[0]);
        foreach (var t in tables.Where(t => t is not "plenary_migrations"))
            snap[t] = Registries.Scalar(c, $"SELECT count(*) FROM {t}");
        return snap;
    }

    private static SortedDictionary<string, long> Without(SortedDictionary<string, long> snap, string table) =>
        new(snap.Where(kv => kv.Key != table).ToDictionary(), StringComparer.Ordinal);

    /// <summary>Null when the counts are the expected ones, else the tables that differ.</summary>
    public static string? Difference(SortedDictionary<string, long> actual, SortedDictionary<string, long> expected)
    {
        var diffs = expected.Keys.Union(actual.Keys)
            .Where(t => actual.GetValueOrDefault(t, -1) != expected.GetValueOrDefault(t, -1))
            .Select(t => $"{t}: {actual.GetValueOrDefault(t, -1)} rows, expected {expected.GetValueOrDefault(t, -1)}").ToList();
        return diffs.Count == 0 ? null : string.Join("; ", diffs);
    }

    private static string? OneOf(SortedDictionary<string, long> actual, SortedDictionary<string, long> before, SortedDictionary<string, long> after) =>
        Difference(actual, before) is null || Difference(actual, after) is null ? null : $"neither before nor after: {Difference(actual, after)}";

    private static Dictionary<string, long> ClaimsPerArticle(Registries regs, string db)
    {
        using var c = regs.Connect(db);
        return Registries.Rows(c, "SELECT a.id, (SELECT count(*) FROM claims WHERE source_id = a.id) FROM articles a WHERE a.id LIKE 'crash-%'")
            .ToDictionary(r => r[0], r => long.Parse(r[1], CultureInfo.InvariantCulture));
    }

    private static string? IngestHalfRecorded(Registries regs, string db, Dictionary<string, long> expected, SortedDictionary<string, long> initial, long initialIngests)
    {
        var present = ClaimsPerArticle(regs, db);
        var partial = present.Where(a => a.Value != expected.GetValueOrDefault(a.Key, -1)).Select(a => $"{a.Key} with {a.Value} of {expected.GetValueOrDefault(a.Key, -1)} claims").ToList();
        using var c = regs.Connect(db);
        var orphans = Registries.Scalar(c, "SELECT count(*) FROM claims WHERE source_id LIKE 'crash-%' AND source_id NOT IN (SELECT id FROM articles)");
        if (orphans > 0) partial.Add($"{orphans} claims of an article that is not recorded");
        var claims = Registries.Scalar(c, "SELECT count(*) FROM claims");
        var expectedClaims = initial["claims"] + present.Values.Sum();
        if (claims != expectedClaims) partial.Add($"{claims} claims, expected {expectedClaims} for {present.Count} articles");
        var audits = Registries.Scalar(c, "SELECT count(*) FROM audit_log WHERE action = 'ingest'");
        var expectedAudits = initialIngests + present.Count;
        if (audits != expectedAudits) partial.Add($"{audits} ingest entries in the audit log, expected {expectedAudits}");
        return partial.Count == 0 ? null : string.Join("; ", partial);
    }

    private static string? DuplicateDecisions(Registries regs, string db)
    {
        using var c = regs.Connect(db);
        var twice = Registries.Scalar(c, "SELECT count(*) FROM (SELECT claim_id FROM claim_reviews GROUP BY claim_id, decision HAVING count(*) > 1) d");
        return twice == 0 ? null : $"{twice} claims decided twice the same way";
    }

    private static TimeSpan Timed(Action a)
    {
        var sw = Stopwatch.StartNew();
        a();
        return sw.Elapsed;
    }

    /// <summary>
    /// Runs <c>plenary ARGS</c> to its end. A whole <c>import cow</c> on PostgreSQL on a loaded machine may take longer
    /// than the shared runner's two minutes (a re-run after a kill once did): ten minutes here, still a bound.
    /// </summary>
    private static Run.Result Complete(params string[] args)
    {
        using var p = Run.Start(null, args);
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(600_000)) { p.Kill(true); throw new TimeoutException($"plenary {string.Join(' ', args)} did not finish in 10 minutes"); }
        p.WaitForExit();
        return new Run.Result(p.ExitCode, stdout.Result, stderr.Result);
    }

    private static void Must(Run.Result r, string what) =>
        Assert.True(r.ExitCode == 0, $"plenary {what} failed ({r.ExitCode}): {r.Err}");

    /// <summary>Rows of the igo-year file the killed imports read: about a quarter of COW IGO v3's 19,335 organization-years.</summary>
    private const int IgoYearExcerptRows = 5000;

    private static string IgoYear => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "data", "cow", "igo_year_format3.csv"));

    public static string RepoRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Plenary.sln"))) dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("the repository's root (Plenary.sln) is not above the tests");
        }
    }
}

/// <summary>The hardening suites run one after another: each loads the machine on its own.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HardeningCollection
{
    public const string Name = "hardening";
}
