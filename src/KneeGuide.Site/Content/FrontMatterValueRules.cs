using System.Text;
using System.Text.RegularExpressions;
using KneeGuide.Core;
using KneeGuide.Site.Diagnostics;

namespace KneeGuide.Site.Content;

/// <summary>
/// Checks on front matter values that become part of an address: a tag becomes the folder of its
/// /tags/&lt;tag>/ page and a redirect source a line of Netlify's _redirects, so a tag like
/// '../x' or a redirect with a space would write outside tags/ or break the redirect file.
/// </summary>
public static partial class FrontMatterValueRules
{
    public static void CheckTags(IEnumerable<Located<string>> tags, DiagnosticBag diagnostics)
    {
        foreach (var tag in tags.Where(t => !TagSlug().IsMatch(t.Value)))
        {
            var slug = Slugify(tag.Value);
            diagnostics.Add(Diagnostic.Error(
                ErrorCodes.InvalidValue,
                tag.Location,
                $"tag '{tag.Value}' is not a tag slug: use lower-case letters, digits and hyphens, e.g. runners-knee",
                slug.Length > 0 ? slug : null));
        }
    }

    public static void CheckRedirects(IEnumerable<Located<string>> redirects, DiagnosticBag diagnostics)
    {
        foreach (var from in redirects.Where(r => r.Value.Length == 0 || r.Value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)) || r.Value.Contains('#')))
        {
            diagnostics.Add(Diagnostic.Error(
                ErrorCodes.InvalidValue,
                from.Location,
                $"redirect source '{from.Value}' is not a URL path: write the old address without spaces or '#', e.g. /blog/old-name/"));
        }
    }

    /// <summary>"Knee Pain" -> "knee-pain": the slug an editor most likely meant.</summary>
    private static string Slugify(string value)
    {
        var sb = new StringBuilder();
        foreach (var c in value.ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(c);
            }
            else if (sb.Length > 0 && sb[^1] != '-')
            {
                sb.Append('-');
            }
        }

        return sb.ToString().TrimEnd('-');
    }

    [GeneratedRegex(@"^[\p{Ll}\p{Lo}\p{Nd}]+(?:-[\p{Ll}\p{Lo}\p{Nd}]+)*$")]
    private static partial Regex TagSlug();
}
