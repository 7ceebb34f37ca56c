using System.Diagnostics;
using Plenary.Core.Claims;
using Plenary.Core.Registry;
using Plenary.Exchange.Storage;
using Plenary.Store;

namespace Plenary.Exchange.Cow;

/// <summary>Which files to import; any of them may be left out.</summary>
public sealed record CowImportRequest(string? IgoYearFile, string? StateYearFile, string? StatesFile);

/// <summary>A stage of the import, for a progress bar: <paramref name="Done"/> of <paramref name="Total"/> (0 when unknown).</summary>
public sealed record ImportProgress(string Stage, long Done, long Total);

public sealed record CowImportResult(
    int ClaimsAdded, int ClaimsPlanned, int StatesCreated, int OrganizationsCreated, ExchangeWriteCounts Records,
    CowConflictReport Conflicts, TimeSpan ReadTime, TimeSpan PlanTime, TimeSpan WriteTime, TimeSpan CompareTime);

/// <summary>
/// <c>plenary import cow</c>: reads and checks every file first (so bad input imports nothing), plans the claims and records,
/// then writes. New states and organizations are added first (the store's own transaction); all claims and exchange records
/// of all files go in one further transaction. Importing the same files again adds nothing.
/// </summary>
public sealed class CowImporter(RegistryStore store)
{
    public CowImportResult Import(CowImportRequest request, string recordedBy, IProgress<ImportProgress>? progress = null, DateTimeOffset? now = null)
    {
        if (request.IgoYearFile is null && request.StateYearFile is null && request.StatesFile is null)
            throw new ArgumentException("nothing to import: give --igo-year, --state-year or --states");
        var at = now ?? DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();

        // 1. Read and check everything before writing anything.
        var tables = new List<CowTable>();
        if (request.IgoYearFile is { } igo)
            tables.Add(CowReader.ReadIgoYear(igo, new SyncProgress<long>(l => progress?.Report(new ImportProgress("reading IGO-year file", l, 19336)))));
        if (request.StateYearFile is { } sy)
            tables.Add(CowReader.ReadStateYear(sy, new SyncProgress<long>(l => progress?.Report(new ImportProgress("reading state-year file", l, 15558)))));
        var spells = request.StatesFile is { } sf ? StatesFileReader.Read(sf) : null;
        var readTime = clock.Elapsed;

        // 2. Plan each file against the registry as it stands (plus what the earlier files of this import create).
        var repo = new ExchangeRepository(store);
        var (orgLinks, stateLinks) = repo.Links();
        var knownOrgs = orgLinks.ToList();
        var knownStates = stateLinks.ToList();
        var plans = new List<CowImportPlan>();
        // New states, organizations and sources are written with the claims, in the one transaction below.
        var entityBatches = new List<(IReadOnlyList<State> States, IReadOnlyList<Organization> Orgs, IReadOnlyList<Source> Sources)>();
        int statesCreated = 0, orgsCreated = 0;
        foreach (var table in tables)
        {
            progress?.Report(new ImportProgress($"planning {table.SourceId}", 0, 0));
            var plan = CowImportPlanner.Plan(table, store.Catalog, knownOrgs, knownStates, at, recordedBy);
            plans.Add(plan);
            statesCreated += plan.NewStates.Count;
            orgsCreated += plan.NewOrganizations.Count;
            entityBatches.Add((plan.NewStates, plan.NewOrganizations, [plan.Source]));
            knownOrgs = Merge(knownOrgs, plan.OrgLinks, l => l.Ioname.ToLowerInvariant());
            knownStates = Merge(knownStates, plan.StateLinks, l => l.Ccode.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        var systemLinks = new List<CowStateLink>();
        var systemSpells = new List<SystemSpell>();
        if (spells is not null)
        {
            var catalog = store.Catalog;
            var newStates = new List<State>();
            foreach (var sp in spells)
            {
                var (id, isNew) = CowImportPlanner.MatchState(sp.State, catalog, knownStates);
                if (isNew && newStates.All(s => s.Id != id)) newStates.Add(new State(id, sp.State.Name, sp.State.Ccode));
                systemLinks.Add(new CowStateLink(id, sp.State.Ccode, sp.State.StateAbb, sp.State.CowName));
                systemSpells.Add(new SystemSpell(CowSources.StateSystem, id, sp.Start, sp.End));
            }
            statesCreated += newStates.Count;
            entityBatches.Add((newStates, [], [new Source(CowSources.StateSystem, SourceKind.Dataset, "COW State System Membership List, v2016",
                Core.Time.EdtfDate.OfYear(2017), "Correlates of War Project")]));
        }

        var planTime = clock.Elapsed - readTime;

        // 3. One transaction for all claims and records.
        var writeClock = Stopwatch.StartNew();
        int planned = plans.Sum(p => p.Claims.Count);
        progress?.Report(new ImportProgress("writing", 0, planned));
        var (added, counts) = store.InTransaction(tx =>
        {
            int n = 0, processed = 0;
            foreach (var (states, orgs, sources) in entityBatches) store.AddEntities(tx, states, orgs, [], sources, recordedBy, at);
            var total = new ExchangeWriteCounts(0, 0, 0, 0, 0);
            foreach (var plan in plans)
            {
                const int Chunk = 20_000;
                for (int i = 0; i < plan.Claims.Count; i += Chunk)
                {
                    var chunk = plan.Claims.Skip(i).Take(Chunk).ToList(); // in chunks, so the progress bar moves
                    n += store.AddClaims(tx, chunk);
                    processed += chunk.Count;
                    progress?.Report(new ImportProgress("writing", processed, planned));
                }
                total = Add(total, repo.Write(tx, plan));
            }
            if (systemSpells.Count > 0) total = Add(total, repo.WriteSystem(tx, systemSpells, systemLinks));
            return (n, total);
        });
        var writeTime = writeClock.Elapsed;
        progress?.Report(new ImportProgress("comparing sources", 0, 0));
        var compareClock = Stopwatch.StartNew();
        var conflicts = CowConflicts.Compare(store, repo.Load(), tables);
        return new CowImportResult(added, planned, statesCreated, orgsCreated, counts, conflicts, readTime, planTime, writeTime, compareClock.Elapsed);
    }

    private static List<T> Merge<T>(List<T> known, IReadOnlyList<T> more, Func<T, string> key)
    {
        var d = known.ToDictionary(key);
        foreach (var m in more) d.TryAdd(key(m), m);
        return d.Values.ToList();
    }

    private static ExchangeWriteCounts Add(ExchangeWriteCounts a, ExchangeWriteCounts b) =>
        new(a.Links + b.Links, a.Observed + b.Observed, a.IgoRows + b.IgoRows, a.StateRows + b.StateRows, a.Spells + b.Spells);
}

/// <summary>An <see cref="IProgress{T}"/> that reports on the caller's thread, in order (System.Progress posts to the thread pool).</summary>
internal sealed class SyncProgress<T>(Action<T> handler) : IProgress<T>
{
    public void Report(T value) => handler(value);
}
