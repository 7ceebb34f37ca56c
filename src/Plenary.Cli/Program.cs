using System.CommandLine;
using Plenary.Cli;
using Plenary.Cli.Commands;
using Plenary.Store;
using Plenary.Store.Curated;

var root = new RootCommand("Plenary: who is in, who showed up, who said what — a time-aware, source-cited registry of international organizations")
{
    CliOptions.Db,
};
foreach (var command in new[]
{
    InitCommand.Create(),
    StatusCommand.Create(),
    MembersCommand.Create(),
    TimelineCommand.Create(),
    AttendanceCommand.Create(),
    CatalogCommands.Orgs(),
    CatalogCommands.States(),
    CatalogCommands.Show(),
    ReadCommand.Create(),
    ReviewCommands.Ingest(),
    ReviewCommands.Review(),
    ReviewCommands.Accept(),
    ReviewCommands.Reject(),
    WebCommands.Serve(RegistryOpener.ExistingPath, path => RegistryOpener.Open(path)),
    WebCommands.User(RegistryOpener.ExistingPath, path => RegistryOpener.Open(path)),
    ImportCommand.Create(),
    ExportCommand.Create(),
    DbCommands.Create(),
    FeedsCommands.Feeds(), FeedsCommands.Worker(), FeedsCommands.ReviewByChange(), FeedsCommands.AcceptConfirmations(),
})
{
    root.Subcommands.Add(command);
}

var parsed = root.Parse(args);
if (parsed.Errors.Count > 0)
{
    // A mistake in the command line is the user's to fix: one line with the closest option or the values allowed, exit 2.
    Console.Error.WriteLine($"plenary: {ParseErrors.OneLine(parsed)}");
    return 2;
}
try
{
    return parsed.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (Exception e) when (e is UsageException or Plenary.Editorial.UnknownClaimException or Plenary.Editorial.AlreadyDecidedException or StoreException or DataFileException or Plenary.Reader.Articles.ArticleFileException or FormatException or IOException or UnauthorizedAccessException)
{
    // One line the user can act on; a stack trace helps nobody who typed a wrong date.
    Console.Error.WriteLine($"plenary: {e.Message}");
    return 2;
}
catch (Exception e) when (StoreEngines.Failure(e) is { } failure)
{
    Console.Error.WriteLine($"plenary: {failure}");
    return 2;
}
catch (Exception e) when (Environment.GetEnvironmentVariable("PLENARY_DEBUG") is not "1")
{
    // A bug of Plenary's, not the user's: say so in one line (PLENARY_DEBUG=1 shows the stack trace).
    Console.Error.WriteLine($"plenary: internal error ({e.GetType().Name}): {e.Message}; run with PLENARY_DEBUG=1 for details, and please report it");
    return 70;
}
