using System.CommandLine;
using System.Globalization;
using Plenary.Exchange.Cow;
using Plenary.Exchange.Io;
using Spectre.Console;

namespace Plenary.Cli.Commands;

/// <summary><c>plenary import cow</c>: the Correlates of War IGO v3 files as the registry's historical baseline.</summary>
public static class ImportCommand
{
    public static Command Create()
    {
        var import = new Command("import", "Bring reference data into the registry");
        import.Subcommands.Add(Cow());
        return import;
    }

    private static Command Cow()
    {
        var igoYear = new Option<string?>("--igo-year") { Description = "COW IGO-year file (igo_year_format3.csv, CSV or .csv.gz)" };
        var stateYear = new Option<string?>("--state-year") { Description = "COW state-year file (state_year_format3.csv.gz, CSV or .csv.gz)" };
        var states = new Option<string?>("--states") { Description = "COW state-system list (states2016.csv): day-precise spells of system membership" };
        var conflicts = new Option<string?>("--conflicts") { Description = "Write every cell where sources disagree to this CSV file" };
        var format = CliOptions.Format("table", "json");
        var cmd = new Command("cow", "Import COW IGO v3 (either file or both): each run of a code becomes a claim of its own file's source; re-importing changes nothing")
            { igoYear, stateYear, states, conflicts, format };
        cmd.SetAction(r =>
        {
            var request = new CowImportRequest(r.GetValue(igoYear), r.GetValue(stateYear), r.GetValue(states));
            if (request.IgoYearFile is null && request.StateYearFile is null && request.StatesFile is null)
                throw new UsageException("import cow: give --igo-year FILE, --state-year FILE and/or --states FILE");
            using var store = RegistryOpener.Open(r);
            CowImportResult result;
            try
            {
                result = WithProgress(progress => new CowImporter(store).Import(request, RegistryOpener.Editor, progress));
            }
            catch (ExchangeInputException e)
            {
                throw new UsageException($"{e.Message} (nothing was imported)");
            }
            if (r.GetValue(conflicts) is { } path) CowConflicts.WriteCsv(result.Conflicts, path);
            if (r.GetValue(format) == "json")
            {
                Output.Json(new
                {
                    claimsAdded = result.ClaimsAdded, claimsInFiles = result.ClaimsPlanned, statesCreated = result.StatesCreated,
                    organizationsCreated = result.OrganizationsCreated, recordsAdded = result.Records.Total,
                    cowFileDisagreements = result.Conflicts.FileDisagreements.Count, coverageDifferences = result.Conflicts.CoverageDifferences,
                    registryDisagreements = result.Conflicts.RegistryDisagreements.Count,
                });
                return 0;
            }
            var inv = CultureInfo.InvariantCulture;
            Output.Line(string.Create(inv, $"{result.ClaimsAdded} membership claims added ({result.ClaimsPlanned} in the files; the rest were already recorded)"));
            Output.Line(string.Create(inv, $"{result.StatesCreated} states and {result.OrganizationsCreated} organizations created; {result.Records.Total} exchange records added"));
            Output.Line(string.Create(inv, $"COW's two files disagree in {result.Conflicts.FileDisagreements.Count} cells (and cover different cells in {result.Conflicts.CoverageDifferences})"));
            Output.Line(string.Create(inv, $"the registry's other sources disagree with COW in {result.Conflicts.RegistryDisagreements.Count} cells"));
            foreach (var d in result.Conflicts.RegistryDisagreements.Take(10))
                Output.Line(string.Create(inv, $"  {d.Org} {d.State} {d.Year}: {d.SourceA} {CowCode.Text(d.CodeA)}, {d.SourceB} {CowCode.Text(d.CodeB)}"));
            if (result.Conflicts.RegistryDisagreements.Count > 10 || result.Conflicts.FileDisagreements.Count > 0)
                Output.Line(r.GetValue(conflicts) is null ? "(--conflicts FILE lists every one)" : $"every disagreement is listed in {r.GetValue(conflicts)}");
            return 0;
        });
        return cmd;
    }

    /// <summary>Runs the import under a progress bar on a terminal; without one (piped), silently.</summary>
    private static T WithProgress<T>(Func<IProgress<ImportProgress>?, T> work)
    {
        if (Console.IsOutputRedirected || Console.IsErrorRedirected) return work(null);
        T result = default!;
        AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(ctx =>
            {
                ProgressTask? task = null;
                string? stage = null;
                var progress = new SyncProgress<ImportProgress>(p =>
                {
                    if (p.Stage != stage)
                    {
                        task?.StopTask();
                        stage = p.Stage;
                        task = ctx.AddTask(p.Stage, maxValue: Math.Max(1, p.Total));
                        task.IsIndeterminate = p.Total == 0;
                    }
                    if (p.Total > 0) task!.Value = Math.Min(p.Done, p.Total);
                });
                result = work(progress);
                task?.StopTask();
            });
        return result;
    }

    /// <summary>Reports on the caller's thread (System.Progress would post to the thread pool, out of order).</summary>
    private sealed class SyncProgress<TValue>(Action<TValue> handler) : IProgress<TValue>
    {
        public void Report(TValue value) => handler(value);
    }
}
