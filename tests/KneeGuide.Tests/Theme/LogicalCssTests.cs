using System.Text;
using System.Text.RegularExpressions;
using KneeGuide.Tests.Support;

namespace KneeGuide.Tests.Theme;

/// <summary>
/// The theme's CSS uses logical properties and values only (margin-inline-start, inset-inline-end,
/// text-align: start, float: inline-start...), so a page with <c>dir="rtl"</c> (Arabic, Hebrew)
/// mirrors with no extra rules. A stylelint-style check: any physical left/right in a theme CSS
/// file fails, unless its line carries a <c>/* physical: why */</c> comment saying why it must stay.
/// </summary>
public sealed partial class LogicalCssTests
{
    private static readonly string CssFolder = Path.Combine(TestSite.RepositoryRoot, "theme", "assets", "css");

    [Fact]
    public void No_theme_css_file_uses_a_physical_left_or_right_without_a_physical_comment()
    {
        var files = Directory.GetFiles(CssFolder, "*.css", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(files);

        var found = files
            .SelectMany(file => PhysicalUses(File.ReadAllText(file)).Select(use => $"{Path.GetRelativePath(TestSite.RepositoryRoot, file).Replace('\\', '/')}:{use}"))
            .ToList();

        Assert.True(found.Count == 0, "Use the logical property or value (e.g. margin-inline-start, inset-inline-end, text-align: start, float: inline-start), or end the line with /* physical: why */:\n" + string.Join("\n", found));
    }

    [Theory]
    [InlineData(".a { margin-left: 1rem; }")]
    [InlineData(".a { margin-right: 1rem; }")]
    [InlineData(".a { padding-left: 1rem; }")]
    [InlineData(".a { scroll-padding-right: 1rem; }")]
    [InlineData(".a { border-left: 1px solid; }")]
    [InlineData(".a { border-right-width: 2px; }")]
    [InlineData(".a { border-top-left-radius: 2px; }")]
    [InlineData(".a { position: absolute; left: 0; }")]
    [InlineData(".a{right:0}")]
    [InlineData(".a { text-align: left; }")]
    [InlineData(".a { text-align:right !important; }")]
    [InlineData(".a { float: left; }")]
    [InlineData(".a { float: right; }")]
    [InlineData(".a { clear: left; }")]
    [InlineData(".a {\n  margin-left: 1rem; /* a comment that gives no reason */\n}")]
    public void The_check_finds_a_physical_left_or_right(string css) =>
        Assert.Single(PhysicalUses(css));

    [Theory]
    [InlineData(".a { margin-inline-start: 1rem; padding-inline: 0 1rem; border-inline-end: 1px solid; }")]
    [InlineData(".a { inset-inline-start: 0; inset-inline: 0; top: 0; bottom: 1rem; }")]
    [InlineData(".a { text-align: start; float: inline-end; clear: both; text-align: center; }")]
    [InlineData(".a { border-start-end-radius: 2px; margin-top: 1rem; padding-bottom: 0; }")]
    [InlineData(".a { left: 50%; } /* physical: a play triangle points right in every language */")]
    [InlineData("/* margin-left was here before */ .a { margin-inline-start: 1rem; }")]
    [InlineData("/* a comment over lines:\n   text-align: left and float: right\n*/ .a { color: red; }")]
    [InlineData(".a::before { content: \"left: 0\"; }")]
    [InlineData(".a { background-position: left top; }")]
    [InlineData(".left:hover, .pull-right:focus { color: red; }")]
    public void The_check_accepts_logical_css_comments_strings_and_marked_lines(string css) =>
        Assert.Empty(PhysicalUses(css));

    /// <summary>Each physical left/right in the CSS as "line: text", comments and strings left out, lines marked /* physical: ... */ allowed.</summary>
    internal static IEnumerable<string> PhysicalUses(string css)
    {
        var code = BlankCommentsAndStrings(css).Split('\n');
        var source = css.Split('\n');
        for (var i = 0; i < code.Length; i++)
        {
            if (Physical().IsMatch(code[i]) && !Marker().IsMatch(source[i]))
            {
                yield return $"{i + 1}: {source[i].Trim()}";
            }
        }
    }

    /// <summary>The CSS with every comment's and string's characters turned to spaces, line breaks kept, so lines keep their numbers.</summary>
    private static string BlankCommentsAndStrings(string css)
    {
        var text = new StringBuilder(css);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '/' && i + 1 < text.Length && text[i + 1] == '*')
            {
                var end = css.IndexOf("*/", i + 2, StringComparison.Ordinal);
                end = end < 0 ? text.Length : end + 2;
                Blank(text, i, end);
                i = end - 1;
            }
            else if (text[i] is '"' or '\'')
            {
                var quote = text[i];
                var end = i + 1;
                while (end < text.Length && text[end] != quote && text[end] != '\n')
                {
                    end += text[end] == '\\' ? 2 : 1;
                }

                end = Math.Min(end + 1, text.Length);
                Blank(text, i, end);
                i = end - 1;
            }
        }

        return text.ToString();
    }

    private static void Blank(StringBuilder text, int from, int to)
    {
        for (var j = from; j < to; j++)
        {
            if (text[j] != '\n')
            {
                text[j] = ' ';
            }
        }
    }

    /// <summary>
    /// margin-, padding-, scroll-margin-, scroll-padding-, border-left/right(-*) and the border-top/bottom-left/right-radius
    /// corners; left: and right: offsets (a property of its own, not the end of another's name); text-align, float
    /// and clear with a value of left or right.
    /// </summary>
    [GeneratedRegex(@"\b(?:margin|padding|border)-(?:left|right)\b|\bborder-(?:top|bottom)-(?:left|right)-radius\b|(?<=^|[{;\s])(?:left|right)\s*:|\b(?:text-align|float|clear)\s*:\s*(?:left|right)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Physical();

    [GeneratedRegex(@"/\*\s*physical:\s*\S", RegexOptions.IgnoreCase)]
    private static partial Regex Marker();
}
