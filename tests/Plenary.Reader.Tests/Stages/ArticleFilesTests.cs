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
