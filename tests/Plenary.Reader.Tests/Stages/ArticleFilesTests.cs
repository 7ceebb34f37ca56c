using Plenary.Reader.Articles;

namespace Plenary.Reader.Tests.Stages;

public sealed class ArticleFilesTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("plenary-reader-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string content)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, content);
        return path;
    }

    private string WriteBytes(string name, byte[] content)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    public static TheoryData<string, byte[], string> BadFiles() => new()
    {
        { "empty.txt", [], "no text" },
        { "blank.txt", "  \n\t \n"u8.ToArray(), "no text" },
        { "nul.txt", new byte[64], "NUL characters" },
        { "binary.txt", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0xC3, 0x28, 0xFF], "not UTF-8" },
        { "utf16.txt", [0xFF, 0xFE, (byte)'H', 0, (byte)'i', 0], "UTF-16" },
        { "dots.json", "{\"id\": \"..\", \"text\": \"Ruritania joined the league.\"}"u8.ToArray(), "not an article id" },
        { "path.json", "{\"id\": \"../../etc/passwd\", \"text\": \"Ruritania joined the league.\"}"u8.ToArray(), "not an article id" },
        { "script.json", "{\"id\": \"<script>alert(1)</script>\", \"text\": \"Ruritania joined the league.\"}"u8.ToArray(), "not an article id" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void Files_the_registry_would_not_take_in_are_refused_naming_the_file(string name, byte[] content, string expected)
    {
        var path = WriteBytes(name, content);
        var e = Assert.Throws<ArticleFileException>(() => ArticleFiles.Load(path));
        Assert.StartsWith(path, e.Message);
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void A_text_longer_than_the_api_takes_is_refused()
    {
        var path = Write("long.txt", new string('a', Plenary.Core.Articles.Article.MaxTextLength + 1));
        Assert.Contains("at most 2,000,000 characters", Assert.Throws<ArticleFileException>(() => ArticleFiles.Load(path)).Message);
    }

    [Fact]
    public void A_file_name_becomes_an_article_id()
    {
        Assert.Equal("report-1", ArticleFiles.Load(Write("Report 1.txt", "Freedonia applied to join the union.")).Id);
    }

    [Fact]
    public void Json_articles_read_with_their_id_date_and_text()
    {
        var a = ArticleFiles.Load(Write("x.json", "{\"id\": \"a1\", \"published\": \"2024-11-27\", \"text\": \"Armenia left.\", \"url\": null}"));
        Assert.Equal(("a1", new DateOnly(2024, 11, 27), "Armenia left."), (a.Id, a.Published, a.Text));
        var b = ArticleFiles.Load(Write("stem.json", "{\"text\": \"T\"}"));
        Assert.Equal("stem", b.Id);
    }

    [Fact]
    public void Malformed_json_names_file_line_and_column()
    {
        var path = Write("bad.json", "{\n  \"id\": \"x\",\n  \"text\": \"unterminated\n}");
        var e = Assert.Throws<ArticleFileException>(() => ArticleFiles.Load(path));
        Assert.StartsWith($"{path}:3:", e.Message);
        Assert.Equal(3, e.Line);
    }

    [Fact]
    public void A_missing_or_wrong_field_is_named()
    {
        Assert.Contains("field 'text'", Assert.Throws<ArticleFileException>(() => ArticleFiles.Load(Write("a.json", "{\"id\": \"x\"}"))).Message);
        Assert.Contains("field 'published'", Assert.Throws<ArticleFileException>(() => ArticleFiles.Load(Write("b.json", "{\"text\": \"x\", \"published\": \"Monday\"}"))).Message);
        Assert.Contains("field 'text'", Assert.Throws<ArticleFileException>(() => ArticleFiles.Load(Write("c.json", "{\"text\": 3}"))).Message);
    }

    [Fact]
    public void Text_files_take_the_publication_date_given()
    {
        var a = ArticleFiles.Load(Write("note.txt", "Armenia left the CSTO."), new DateOnly(2024, 1, 2));
        Assert.Equal(("note", new DateOnly(2024, 1, 2)), (a.Id, a.Published));
    }

    [Fact]
    public void Html_pages_give_their_main_text()
    {
        var body = string.Concat(Enumerable.Repeat("<p>Armenia’s Foreign Ministry announced on Monday that Armenia will not be represented at the CSTO ministerial meetings in Astana, the capital of Kazakhstan.</p>", 4));
        var a = ArticleFiles.Load(Write("page.html", $"<html><head><title>Armenia skips CSTO</title></head><body><nav>Home | News</nav><article>{body}</article><footer>© Outlet</footer></body></html>"));
        Assert.Contains("will not be represented at the CSTO", a.Text);
        Assert.DoesNotContain("© Outlet", a.Text);
    }

    [Fact]
    public void Folders_expand_in_name_order_and_missing_paths_are_errors()
    {
        Write("b.json", "{}");
        Write("a.txt", "x");
        Write("c.csv", "x");
        var files = ArticleFiles.Expand([_dir]);
        Assert.Equal(["a.txt", "b.json"], files.Select(Path.GetFileName));
        Assert.Throws<ArticleFileException>(() => ArticleFiles.Expand([Path.Combine(_dir, "nope")]));
    }
}
