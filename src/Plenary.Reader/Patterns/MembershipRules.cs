using Plenary.Core.Claims;
using Plenary.Core.Ids;

namespace Plenary.Reader.Patterns;

/// <summary>
/// Membership changes and standings from the triggers of Lexicons/membership.txt: the state is the subject before the
/// trigger, the object after it, or the pattern's STATE slot; the organization is the pattern's ORG, else the nearest one
/// named after the trigger, else before it ("the bloc" counts). Hedged triggers ("could … freeze") give no claim.
/// </summary>
public sealed class MembershipRules(Lexicons lexicons)
{
    private readonly TriggerIndex _triggers = new(lexicons.Membership);

    public IEnumerable<ProposedClaim> Run(RuleContext cx)
    {
        var doc = cx.Doc;
        foreach (var sentence in doc.Sentences)
        {
            foreach (var (pattern, match) in _triggers.Matches(doc, sentence.First, sentence.End))
            {
                if (!WireName.TryParse<Standing>(pattern.Columns[1], out var status)) continue;
                // "left the CSTO summit early" is about a meeting, not the organization
                if (match.Org is not null && match.End < sentence.End && lexicons.MeetingNouns.Contains(doc.Lower[match.End])) continue;
                var role = pattern.Columns.Length > 2 ? pattern.Columns[2] : "before";
                bool isEvent = pattern.Columns.Length <= 3 || pattern.Columns[3] != "state";
                if (cx.Hedged(match.First) || (cx.Negated(match.First) && !pattern.Source.Contains("no ", StringComparison.Ordinal))) continue;
                var states = role switch
                {
                    "slot" => match.States,
                    "after" => match.States.Count > 0 ? match.States : cx.StatesAfter(match.End),
                    "apposition" => cx.Apposition(match.First),
                    _ => cx.StatesBefore(match.First, allowPersons: false, out _),
                };
                var org = match.Org ?? cx.OrgNear(match.First, match.End) ?? cx.OrgInDiscourse(match.First);
                if (states.Count == 0 || org?.Org is not { } orgId) continue;
                var time = cx.TimeNear(match.First, match.End);
                var (context, explicitContext) = cx.Context(match.First);
                if (!isEvent && cx.PastStandingTime(match.First) is { } then) (context, explicitContext) = (then, true);
                var date = time?.Value ?? (isEvent ? context : null);
                var evidence = cx.SentenceSpan(cx.SentenceOfToken(match.First));
                foreach (var s in states.Where(s => s.State is not null).Select(s => s.State!.Value).Distinct())
                {
                    var fact = new MembershipFact(s, orgId, status, date, context ?? date);
                    yield return new ProposedClaim(fact, [evidence], Modality.Reported, $"membership:{pattern.Source}", cx.Words(match.First, match.End))
                    {
                        DatedByText = explicitContext,
                        StartStated = time?.Value is not null,
                    };
                }
            }
        }
    }
}
