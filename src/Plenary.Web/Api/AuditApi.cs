using System.Text.Json;
using System.Text.Json.Nodes;
using Plenary.Store.Records;

namespace Plenary.Web.Api;

/// <summary><c>/audit</c>: the audit log, newest first (admin).</summary>
public static class AuditApi
{
    /// <summary>One change: who, when, what, and the subject before and after (JSON where it was JSON).</summary>
    public sealed record Entry(long Seq, DateTimeOffset At, string Actor, string Action, string Subject, JsonNode? Before, JsonNode? After)
    {
        public static Entry Of(AuditEntry e) => new(e.Seq, e.At, e.Actor, e.Action, e.Subject, ParseOrText(e.Before), ParseOrText(e.After));

        private static JsonNode? ParseOrText(string? s)
        {
            if (s is null) return null;
            try { return JsonNode.Parse(s); }
            catch (JsonException) { return JsonValue.Create(s); }
        }
    }

    public sealed record AuditPage(IReadOnlyList<Entry> Entries, PageInfo Page);

    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder api)
    {
        api.MapGet("/audit", Audit)
            .RequireAuthorization(ApiEndpoints.AdminPolicy)
            .Documented("audit", "The audit log, newest first: who changed what, when, before and after (admin)").WithTags("accounts")
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403);
        return api;
    }

    public static ApiOk<AuditPage> Audit(RegistryService r, [AsParameters] KeysetPageQuery paging) => r.Read(s =>
    {
        var page = paging.Page;
        var after = paging.After("audit", "");
        var total = (int)Math.Min(int.MaxValue, s.AuditCount());
        // Newest first: after a cursor, the entries older than its entry (a seek on seq); else from the offset. Past the
        // end there is nothing to read. One entry more than the page tells whether another page follows.
        var entries = after is null && page.Offset >= total ? [] : s.AuditLog(page.Limit + 1, after?.NumericKey, after is null ? page.Offset : 0);
        var more = entries.Count > page.Limit;
        var shown = entries.Take(page.Limit).ToList();
        var nextKey = more ? shown[^1].Seq.ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
        return ApiOk<AuditPage>.Of(new AuditPage(shown.Select(Entry.Of).ToList(), paging.Info(after, total, "audit", "", nextKey)));
    });
}
