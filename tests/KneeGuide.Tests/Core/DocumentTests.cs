using KneeGuide.Core;

namespace KneeGuide.Tests.Core;

public sealed class DocumentTests
{
    private sealed record Facet(string Value);

    [Fact]
    public void With_returns_a_new_document_and_leaves_the_original_unchanged()
    {
        var original = new Document("a.md", "a/index.html");

        var changed = original.With(new Facet("x")).WithContent("text");

        Assert.Null(original.Get<Facet>());
        Assert.Equal("", original.Content.ReadText());
        Assert.Equal("x", changed.Require<Facet>().Value);
        Assert.Equal("text", changed.Content.ReadText());
        Assert.Equal("a/index.html", changed.Destination);
    }

    [Fact]
    public void Require_names_the_document_and_the_missing_facet()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new Document("a.md", null).Require<Facet>());

        Assert.Contains("a.md", error.Message);
        Assert.Contains(nameof(Facet), error.Message);
    }

    [Fact]
    public void Diagnostic_prints_in_the_editor_format_with_a_suggestion()
    {
        var d = Diagnostic.Error("KG1102", new SourceLocation("input/articles/x.md", 12, 5), "unknown key 'titel'", "title");

        Assert.Equal("input/articles/x.md:12:5: error KG1102: unknown key 'titel' (did you mean 'title'?)", d.ToString());
    }
}
