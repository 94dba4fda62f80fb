using KneeGuide.Core;
using KneeGuide.Site.Content;

namespace KneeGuide.Tests.Content;

public sealed class FrontMatterSplitterTests
{
    [Fact]
    public void Returns_the_yaml_between_the_fences()
    {
        var bag = new DiagnosticBag();

        var yaml = FrontMatterSplitter.Split("---\ntitle: A\ndate: 2026-01-01\n---\nBody\n", "x.md", bag);

        Assert.Equal("title: A\ndate: 2026-01-01\n", yaml);
        Assert.Equal(0, bag.Count);
    }

    [Fact]
    public void A_file_without_a_first_fence_has_no_front_matter()
    {
        var bag = new DiagnosticBag();

        Assert.Null(FrontMatterSplitter.Split("# Title\n---\n", "x.md", bag));
        Assert.Equal(0, bag.Count);
    }

    [Fact]
    public void Unclosed_front_matter_is_reported_at_line_1_column_1()
    {
        var bag = new DiagnosticBag();

        var yaml = FrontMatterSplitter.Split("---\ntitle: A\n\nBody text\n", "input/articles/x.md", bag);

        Assert.Equal("", yaml);
        var d = Assert.Single(bag.Sorted());
        Assert.Equal(("KG1002", "input/articles/x.md", 1, 1), (d.Code, d.File, d.Line, d.Column));
    }

    [Fact]
    public void A_yaml_document_end_marker_also_closes_the_front_matter()
    {
        var bag = new DiagnosticBag();

        Assert.Equal("title: A\n", FrontMatterSplitter.Split("---\ntitle: A\n...\nBody\n", "x.md", bag));
    }
}
