using KneeGuide.Site.Templates;
using KneeGuide.Tests.Support;

namespace KneeGuide.Tests.Theme;

/// <summary>Scripts ship without whole-line comments and indentation, and as written when that could touch a string.</summary>
public sealed class ShipScriptsTests
{
    [Fact]
    public void Comment_lines_and_indentation_go_and_every_line_of_code_stays_in_order()
    {
        var script = "// Why this file exists.\n(function () {\n  // a comment\n  var url = \"https://example.org/a\"; // not at the start: kept\n\t/* a block comment stays */\n  return url;\n})();\n";
        Assert.Equal("(function () {\nvar url = \"https://example.org/a\"; // not at the start: kept\n/* a block comment stays */\nreturn url;\n})();\n", ShipScripts.Trimmed(script));
    }

    [Theory]
    [InlineData("var a = `one\n  // two`;\n")]
    [InlineData("var a = 'one \\\n  two';\n")]
    public void A_script_whose_strings_could_span_lines_ships_as_written(string script) =>
        Assert.Null(ShipScripts.Trimmed(script));

    [Fact]
    public void Every_script_of_the_theme_is_trimmed()
    {
        foreach (var file in Directory.EnumerateFiles(Path.Combine(TestSite.RepositoryRoot, "theme", "assets"), "*.js", SearchOption.AllDirectories))
        {
            Assert.True(ShipScripts.Trimmed(File.ReadAllText(file)) is not null, $"{file} would ship with its comments: it has a template literal or a line ending in a backslash");
        }
    }
}
