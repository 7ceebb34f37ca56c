using Plenary.Store;

namespace Plenary.Web;

/// <summary>Ranked full-text search over organizations, states, persons and article text, through the store's engine.</summary>
public static class Search
{
    public const char MarkStart = SearchHit.MarkStart;
    public const char MarkEnd = SearchHit.MarkEnd;

    public static (IReadOnlyList<SearchHit> Hits, int Total) Run(RegistryStore store, string text, int offset, int limit) => store.Search(text, offset, limit);

    public static string PlainSnippet(string snippet) => snippet.Replace(MarkStart.ToString(), "", StringComparison.Ordinal).Replace(MarkEnd.ToString(), "", StringComparison.Ordinal);
}
