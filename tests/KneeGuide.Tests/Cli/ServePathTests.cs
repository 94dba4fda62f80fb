using KneeGuide.Cli.Preview;

namespace KneeGuide.Tests.Cli;

public sealed class ServePathTests : IDisposable
{
    private readonly string _parent = Path.Combine(Path.GetTempPath(), "kg-paths-" + Guid.NewGuid().ToString("N"));
    private readonly string _root;

    public ServePathTests()
    {
        _root = Path.Combine(_parent, "site");
        Directory.CreateDirectory(Path.Combine(_root, "articles", "x"));
        File.WriteAllText(Path.Combine(_root, "index.html"), "<html><body>home</body></html>");
        File.WriteAllText(Path.Combine(_root, "articles", "x", "index.html"), "x");
        File.WriteAllText(Path.Combine(_root, ".hidden"), "hidden");
        File.WriteAllText(Path.Combine(_parent, "secret.txt"), "SECRET");
    }

    public void Dispose() => Directory.Delete(_parent, recursive: true);

    [Theory]
    [InlineData("/../secret.txt")]
    [InlineData("/articles/../../secret.txt")]
    [InlineData("/%2e%2e/secret.txt")]
    [InlineData("/%2E%2E/secret.txt")]
    [InlineData("/.%2e/secret.txt")]
    [InlineData("/..%2fsecret.txt")]
    [InlineData("/%2e%2e%2fsecret.txt")]
    [InlineData("/..%5csecret.txt")]
    [InlineData("/..\\secret.txt")]
    [InlineData("/%252e%252e/secret.txt")]
    [InlineData("/%c0%ae%c0%ae/secret.txt")]
    [InlineData("//secret.txt")]
    [InlineData("/C:/secret.txt")]
    [InlineData("/index.html%00.txt")]
    [InlineData("secret.txt")]
    [InlineData("http://127.0.0.1/../secret.txt")]
    public void Traversal_in_any_encoding_is_refused(string target)
    {
        var result = PreviewPaths.Resolve(target, _root);

        Assert.Equal(400, result.Status);
        Assert.Null(result.File);
    }

    [Theory]
    [InlineData("/etc/passwd")]
    [InlineData(@"/.hidden")]
    [InlineData("/articles/missing/")]
    public void Absolute_looking_and_hidden_paths_stay_inside_and_are_not_found(string target)
    {
        Assert.Equal(404, PreviewPaths.Resolve(target, _root).Status);
    }

    [Fact]
    public void Pretty_urls_serve_index_html_and_folders_without_slash_redirect()
    {
        Assert.Equal(Path.Combine(_root, "articles", "x", "index.html"), PreviewPaths.Resolve("/articles/x/?q=1", _root).File);
        Assert.Equal(Path.Combine(_root, "index.html"), PreviewPaths.Resolve("/", _root).File);
        var redirect = PreviewPaths.Resolve("/articles/x", _root);
        Assert.Equal(301, redirect.Status);
        Assert.Equal("/articles/x/", redirect.Location);
    }
}
