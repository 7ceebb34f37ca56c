// The exchange benchmark (issue 5). Usage: dotnet run -c Release -- [COW_DIR] [--runs N]
// 1. times `import cow` of each file into an empty registry (and of both, with the file-disagreement count);
// 2. computes the dyad-year table 1816–2014 from the state-year import, by Plenary and by DuckDB (the state-year table
//    unpivoted to long form, a self-join on year and organization, grouped by dyad-year), writes both as CSV, and
//    compares them row for row; reports both times, the ratio, and Plenary's peak memory (measured before DuckDB runs).
using System.Diagnostics;
using System.Globalization;
using DuckDB.NET.Data;
using Plenary.Exchange.Cow;
using Plenary.Exchange.Dyads;
using Plenary.Exchange.Export;
using Plenary.Store;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
if (args is ["--dyads-only", var dbPath, var outPath])
{
    // A fresh process that only exports dyad-year from a registry: its peak memory is Plenary's for that job.
    var sw0 = Stopwatch.StartNew();
    using (var s0 = RegistryStore.Open(new Plenary.Store.Sqlite.SqliteEngine(dbPath)))
    {
        var p0 = new ExchangeExport(s0).Panel(1816, 2014);
        DyadYears.WriteCsv(p0, 1816, 2014, outPath);
    }
    Console.WriteLine($"{sw0.Elapsed.TotalSeconds.ToString("F2", CultureInfo.InvariantCulture)} {PeakBytes()}");
    return 0;
}
if (args is ["--duckdb-process", var syPath, var duckPath])
{
    // DuckDB's whole job in a process of its own: load the CSV, unpivot, join, write (the peer of `plenary export`).
    using var d = new DuckDBConnection("Data Source=:memory:");
    d.Open();
    foreach (var sql in DuckDyadSql(syPath, duckPath)) { using var c = d.CreateCommand(); c.CommandText = sql; c.ExecuteNonQuery(); }
    return 0;
}
int runs = 5;
string? cowArg = null, cli = null;
for (int i = 0; i < args.Length; i++)
{
    if (args[i] == "--runs" && i + 1 < args.Length) runs = int.Parse(args[++i], CultureInfo.InvariantCulture);
    else if (args[i] == "--cli" && i + 1 < args.Length) cli = args[++i];
    else cowArg = args[i];
}
string cowDir = cowArg ?? FindCowDir();
string igoFile = Path.Combine(cowDir, "igo_year_format3.csv");
string syFile = Path.Combine(cowDir, "state_year_format3.csv.gz");
string work = Path.Combine(Path.GetTempPath(), "plenary-bench-" + Environment.ProcessId);
Directory.CreateDirectory(work);
Console.WriteLine($"COW data: {cowDir}");
Console.WriteLine($"machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}");

// ---- import times
double Import(string name, CowImportRequest req, out CowImportResult result)
{
    var db = Path.Combine(work, name + ".db");
    using var store = RegistryStore.Open(new Plenary.Store.Sqlite.SqliteEngine(db), empty: true);
    var sw = Stopwatch.StartNew();
    result = new CowImporter(store).Import(req, "bench");
    return sw.Elapsed.TotalSeconds;
}
var tIgo = Import("igo", new CowImportRequest(igoFile, null, null), out var rIgo);
Console.WriteLine($"import igo-year file alone:   {tIgo,6:F2} s  ({rIgo.ClaimsAdded} claims; {Stages(rIgo)})");
var tBoth = Import("both", new CowImportRequest(igoFile, syFile, null), out var rBoth);
Console.WriteLine($"import both files:            {tBoth,6:F2} s  ({rBoth.ClaimsAdded} claims; {Stages(rBoth)})");
Console.WriteLine($"  COW's two files disagree in {rBoth.Conflicts.FileDisagreements.Count} cells; {rBoth.Conflicts.CoverageDifferences} cells are observed by one file only");
var tSy = Import("sy", new CowImportRequest(null, syFile, null), out var rSy);
Console.WriteLine($"import state-year file alone: {tSy,6:F2} s  ({rSy.ClaimsAdded} claims; {Stages(rSy)})");

// ---- Plenary: panel from the registry (setup), then the dyad-year table written as CSV (the job)
using var syStore = RegistryStore.Open(new Plenary.Store.Sqlite.SqliteEngine(Path.Combine(work, "sy.db")));
var swPanel = Stopwatch.StartNew();
var claimsProbe = syStore.MembershipClaims();
var tClaims = swPanel.Elapsed.TotalSeconds;
var dataProbe = new Plenary.Exchange.Storage.ExchangeRepository(syStore).Load();
var tData = swPanel.Elapsed.TotalSeconds - tClaims;
var t0 = swPanel.Elapsed.TotalSeconds;
var probe = Plenary.Exchange.Panel.PanelBuilder.Build(syStore.Catalog, claimsProbe, dataProbe, [], 1816, 2014);
var tBuild = swPanel.Elapsed.TotalSeconds - t0;
Console.WriteLine($"  (profile: membership claims from the store {tClaims:F2} s, exchange records {tData:F2} s, panel build {tBuild:F2} s)");
swPanel.Restart();
var panel = new ExchangeExport(syStore).Panel(1816, 2014);
double tPanel = swPanel.Elapsed.TotalSeconds;
string plenaryOut = Path.Combine(work, "dyad-plenary.csv");
var plenaryTimes = new List<double>();
long rows = 0;
for (int i = 0; i < runs; i++)
{
    var sw = Stopwatch.StartNew();
    rows = DyadYears.WriteCsv(panel, 1816, 2014, plenaryOut);
    plenaryTimes.Add(sw.Elapsed.TotalSeconds);
}
Console.WriteLine($"Plenary: panel from the registry {tPanel:F2} s; dyad-year ({rows} rows) runs: {string.Join(", ", plenaryTimes.Select(t => $"{t * 1000:F0} ms"))}");
string childArgs = $"--dyads-only \"{Path.Combine(work, "sy.db")}\" \"{Path.Combine(work, "dyad-child.csv")}\"";
bool viaDotnet = Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet";
var child = Process.Start(new ProcessStartInfo(Environment.ProcessPath!, viaDotnet ? $"\"{typeof(Program).Assembly.Location}\" {childArgs}" : childArgs)
    { RedirectStandardOutput = true, UseShellExecute = false })!;
var childOut = child.StandardOutput.ReadToEnd().Trim().Split(' ');
child.WaitForExit();
Console.WriteLine($"Plenary peak memory, export dyad-year from the registry in a fresh process: {long.Parse(childOut[1], CultureInfo.InvariantCulture) / 1048576.0:F0} MiB (VmHWM; {childOut[0]} s end to end)");
Console.WriteLine($"this process so far (three imports and the panel): {PeakBytes() / 1048576.0:F0} MiB");

// ---- DuckDB: the state-year table unpivoted to long form (setup), then the self-join (the job)
using var duck = new DuckDBConnection("Data Source=:memory:");
duck.Open();
void Exec(string sql) { using var c = duck.CreateCommand(); c.CommandText = sql; c.ExecuteNonQuery(); }
var swLoad = Stopwatch.StartNew();
var duckSql = DuckDyadSql(syFile, Path.Combine(work, "dyad-duckdb.csv"));
Exec(duckSql[0]);
Exec(duckSql[1]);
double tDuckLoad = swLoad.Elapsed.TotalSeconds;
string duckOut = Path.Combine(work, "dyad-duckdb.csv");
var duckTimes = new List<double>();
for (int i = 0; i < runs; i++)
{
    var sw = Stopwatch.StartNew();
    Exec(duckSql[2]);
    duckTimes.Add(sw.Elapsed.TotalSeconds);
}
Console.WriteLine($"DuckDB: load + unpivot {tDuckLoad:F2} s; dyad-year runs: {string.Join(", ", duckTimes.Select(t => $"{t * 1000:F0} ms"))}");

// ---- compare row for row
var (same, diff, firstDiff) = Compare(plenaryOut, duckOut);
Console.WriteLine($"outputs compared: {same} identical rows, {diff} differing{(firstDiff is null ? "" : $" (first: {firstDiff})")}");
double pMed = Median(plenaryTimes), dMed = Median(duckTimes);
Console.WriteLine($"dyad-year (median of {runs}): Plenary {pMed * 1000:F0} ms, DuckDB {dMed * 1000:F0} ms, ratio {dMed / pMed:F1}x");
Console.WriteLine($"including setup (panel from the registry vs load + unpivot): Plenary {(tPanel + pMed):F2} s, DuckDB {(tDuckLoad + dMed):F2} s, ratio {(tDuckLoad + dMed) / (tPanel + pMed):F1}x");

// ---- whole processes, startup included: `plenary export dyad-year` on a registry made by `plenary init` and
// `plenary import cow --state-year`, against DuckDB's whole job (load, unpivot, join, write) in a process of its own.
if (cli is not null)
{
    var reg = Path.Combine(work, "cli.db");
    RunProcess(cli, ["init", "--db", reg]);
    RunProcess(cli, ["import", "cow", "--state-year", syFile, "--db", reg]);
    var cliTimes = new List<double>();
    var duckProcTimes = new List<double>();
    string self = typeof(Program).Assembly.Location;
    for (int i = 0; i < runs; i++)
    {
        Console.WriteLine($"  whole-process run {i + 1}: load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
        cliTimes.Add(RunProcess(cli, ["export", "dyad-year", "--from", "1816", "--to", "2014", "--out", Path.Combine(work, "cli-dyad.csv"), "--db", reg]));
        duckProcTimes.Add(viaDotnet
            ? RunProcess("dotnet", [self, "--duckdb-process", syFile, Path.Combine(work, "duck-proc.csv")])
            : RunProcess(Environment.ProcessPath!, ["--duckdb-process", syFile, Path.Combine(work, "duck-proc.csv")]));
    }
    // Not COW's table alone: `plenary init` seeds the curated data (data/), whose claims speak for some cells too.
    var (cliSame, cliDiff, _) = Compare(Path.Combine(work, "cli-dyad.csv"), duckOut);
    Console.WriteLine($"  `plenary export dyad-year` (registry with the curated data and COW's state-year file): {cliSame} rows as DuckDB's (COW's file alone), {cliDiff} where the curated data speaks");
    double c = Median(cliTimes), d = Median(duckProcTimes);
    Console.WriteLine($"whole processes (median of {runs}): `plenary export dyad-year` {c:F2} s ({string.Join(", ", cliTimes.Select(t => $"{t:F2}"))}), DuckDB process {d:F2} s ({string.Join(", ", duckProcTimes.Select(t => $"{t:F2}"))}), ratio {d / c:F2}x");
}
Directory.Delete(work, true);
return diff == 0 ? 0 : 1;

static double RunProcess(string file, string[] arguments)
{
    var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
    foreach (var a in arguments) psi.ArgumentList.Add(a);
    var sw = Stopwatch.StartNew();
    using var p = Process.Start(psi)!;
    var err = p.StandardError.ReadToEndAsync();
    p.StandardOutput.ReadToEnd();
    p.WaitForExit();
    var t = sw.Elapsed.TotalSeconds;
    if (p.ExitCode != 0) throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} failed ({p.ExitCode}): {err.Result}");
    return t;
}

static string[] DuckDyadSql(string syFile, string outFile) =>
[
    $"CREATE TABLE sy AS SELECT * FROM read_csv('{syFile}', header = true, compression = 'gzip')",
    "CREATE TABLE long AS SELECT ccode, year, org, status FROM (UNPIVOT sy ON COLUMNS(* EXCLUDE (ccode, year, state)) INTO NAME org VALUE status)",
    $"""
    COPY (
      WITH sys AS (SELECT DISTINCT ccode, year FROM long),
           fm AS (SELECT ccode, year, org FROM long WHERE status = 1),
           j AS (SELECT a.ccode AS ccode1, b.ccode AS ccode2, a.year, count(*) AS n
                 FROM fm a JOIN fm b ON a.year = b.year AND a.org = b.org AND a.ccode < b.ccode
                 GROUP BY a.ccode, b.ccode, a.year)
      SELECT s1.ccode AS ccode1, s2.ccode AS ccode2, s1.year, coalesce(j.n, 0) AS joint_full, coalesce(j.n, 0) AS joint_participating
      FROM sys s1 JOIN sys s2 ON s1.year = s2.year AND s1.ccode < s2.ccode
      LEFT JOIN j ON j.ccode1 = s1.ccode AND j.ccode2 = s2.ccode AND j.year = s1.year
      ORDER BY s1.year, s1.ccode, s2.ccode
    ) TO '{outFile}' (HEADER, DELIMITER ',')
    """,
];

static string Stages(CowImportResult r) =>
    $"read {r.ReadTime.TotalSeconds:F2} s, plan {r.PlanTime.TotalSeconds:F2} s, write {r.WriteTime.TotalSeconds:F2} s, compare {r.CompareTime.TotalSeconds:F2} s";

static double Median(List<double> xs) { var s = xs.Order().ToList(); return s[s.Count / 2]; }

static long PeakBytes()
{
    foreach (var line in File.ReadLines("/proc/self/status"))
        if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    return Process.GetCurrentProcess().PeakWorkingSet64;
}

static (long Same, long Diff, string? First) Compare(string a, string b)
{
    using var ra = new StreamReader(a);
    using var rb = new StreamReader(b);
    ra.ReadLine(); rb.ReadLine(); // headers: Plenary quotes names as COW's files do, DuckDB does not
    long same = 0, diff = 0;
    string? first = null;
    while (true)
    {
        var la = ra.ReadLine();
        var lb = rb.ReadLine();
        if (la is null && lb is null) break;
        if (la == lb) same++;
        else { diff++; first ??= $"Plenary '{la}' vs DuckDB '{lb}'"; }
    }
    return (same, diff, first);
}

static string FindCowDir()
{
    var dir = new DirectoryInfo(AppContext.BaseDirectory);
    while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Plenary.sln"))) dir = dir.Parent;
    if (dir is null) throw new InvalidOperationException("Plenary.sln not found; pass the COW data folder as the first argument");
    return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data", "cow"));
}
