using System.CommandLine;
using Plenary.Core.Registry;
using Plenary.Core.Time;
using Plenary.Store;
using Plenary.Store.Queries;

namespace Plenary.Cli;

/// <summary>
/// What the commands that read the registry share: <c>--format table|json</c>, and where the question is about a time,
/// <c>--on</c> (a day, a month or a year) and <c>--known-at</c> (the registry as it was then) — added to the command and
/// read in one place, before the registry is opened (so a mistake in them opens nothing), then the command's answer.
/// </summary>
public sealed class Reading(bool on = false, bool knownAt = true)
{
    private readonly Option<string?>? _on = on ? CliOptions.During() : null;
    private readonly Option<string?>? _knownAt = knownAt ? CliOptions.KnownAt() : null;
    private readonly Option<string> _format = CliOptions.Format("table", "json");

    /// <summary>The command: its own arguments and options, then <c>--on</c>, <c>--known-at</c> and <c>--format</c>; its action answers from the registry opened.</summary>
    public Command Command(string name, string description, IReadOnlyList<Symbol> own, Func<ParseResult, Session, int> answer)
    {
        var cmd = new Command(name, description);
        foreach (var symbol in own)
        {
            if (symbol is Argument a) cmd.Arguments.Add(a);
            else cmd.Options.Add((Option)symbol);
        }
        foreach (var option in new Option?[] { _on, _knownAt, _format }.OfType<Option>()) cmd.Options.Add(option);
        cmd.SetAction(r =>
        {
            var period = _on is null ? default : CliOptions.Period(r.GetValue(_on), "--on");
            var known = _knownAt is null ? null : CliOptions.Time(r.GetValue(_knownAt), "--known-at");
            var json = r.GetValue(_format) == "json";
            using var session = new Session(RegistryOpener.Open(r), period, known, json);
            return answer(r, session);
        });
        return cmd;
    }

    /// <summary>
    /// The registry opened for one command: the day, month or year asked about (<c>--on</c>; default today), the time it is
    /// read as of (null: as it is now), and whether JSON was asked.
    /// </summary>
    public sealed class Session(RegistryStore store, EdtfDate on, DateTimeOffset? knownAt, bool json) : IDisposable
    {
        public RegistryStore Store => store;
        public Catalog Catalog => store.Catalog;
        public RegistryQueries Queries { get; } = new(store);
        public EdtfDate On => on;
        public DateTimeOffset? KnownAt => knownAt;
        public bool Json => json;

        public void Dispose() => store.Dispose();
    }
}
