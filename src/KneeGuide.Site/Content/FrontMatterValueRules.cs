using System.Text;
using System.Text.RegularExpressions;
using KneeGuide.Core;
using KneeGuide.Site.Diagnostics;

namespace KneeGuide.Site.Content;

/// <summary>
/// Checks on front matter values that name something: a tag becomes the folder of its
/// /tags/&lt;tag>/ page, a redirect source a line of Netlify's _redirects, an exercise id or image
/// name a file. A tag like '../x', a redirect with a space, or an id with an invisible character in
/// it would break the address or point at nothing while looking right.
/// </summary>
public static partial class FrontMatterValueRules
{
    /// <summary>
    /// A tag slug as the web editor checks it (JavaScript's RegExp without the u flag has no
    /// Unicode classes): lower-case ASCII and Latin-1 letters, digits and hyphens. Stricter than
    /// <see cref="TagSlug"/>, never looser.
    /// </summary>
    public const string TagSlugEditorPattern = @"^[a-z0-9\u00df-\u00f6\u00f8-\u00ff]+(-[a-z0-9\u00df-\u00f6\u00f8-\u00ff]+)*$";

    public const string TagSlugEditorMessage = "lower-case words joined by hyphens, e.g. runners-knee";

    /// <summary>A redirect source as the web editor checks it: a path of this site, without spaces or '#'.</summary>
    public const string RedirectEditorPattern = @"^/[^\s#]*$";

    public const string RedirectEditorMessage = "an old address of this site starting with /, without spaces, e.g. /blog/old-name/";

    /// <summary>Whether the build accepts this tag (the rule <see cref="CheckTags"/> applies).</summary>
    public static bool IsTagSlug(string value) => TagSlug().IsMatch(value);

    /// <summary>Whether the build accepts this redirect source (the rules <see cref="CheckRedirects"/> applies).</summary>
    public static bool IsRedirectSource(string value)
    {
        var bag = new DiagnosticBag();
        CheckRedirects([new Located<string>(value, default)], bag);
        return bag.ErrorCount == 0;
    }

    /// <summary>
    /// Names (ids, slugs, tags, file names) with an invisible character in them: reported at the
    /// character itself. Returns the values that are clean, for the checks that follow.
    /// </summary>
    public static IEnumerable<Located<string>> CheckInvisible(IEnumerable<Located<string>> names, string what, DiagnosticBag diagnostics)
    {
        foreach (var name in names)
        {
            var hidden = InvisibleCharacters.IndexOf(name.Value);
            if (hidden < 0)
            {
                yield return name;
                continue;
            }

            diagnostics.Add(Diagnostic.Error(
                ErrorCodes.InvisibleCharacter,
                name.Location with { Column = name.Location.Column + hidden },
                $"the {what} '{InvisibleCharacters.Clean(name.Value)}' has {InvisibleCharacters.Name(name.Value[hidden])} in it (character {hidden + 1}), often pasted from Word or a web page: delete it and retype that part"));
        }
    }

    public static void CheckTags(IEnumerable<Located<string>> tags, DiagnosticBag diagnostics)
    {
        foreach (var tag in CheckInvisible(tags, "tag", diagnostics).Where(t => !IsTagSlug(t.Value)))
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
        foreach (var from in CheckInvisible(redirects, "redirect source", diagnostics))
        {
            if (Uri.TryCreate(from.Value, UriKind.Absolute, out var url) && url.Scheme is "http" or "https" || from.Value.StartsWith("www.", StringComparison.OrdinalIgnoreCase))
            {
                var path = url is { IsAbsoluteUri: true } ? url.AbsolutePath : null;
                diagnostics.Add(Diagnostic.Error(
                    ErrorCodes.InvalidValue,
                    from.Location,
                    $"redirect source '{from.Value}' is a web address: redirect_from takes old paths of this site only, e.g. /blog/old-name/",
                    path is { Length: > 1 } ? path : null));
            }
            else if (from.Value.Length == 0 || from.Value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)) || from.Value.Contains('#'))
            {
                diagnostics.Add(Diagnostic.Error(
                    ErrorCodes.InvalidValue,
                    from.Location,
                    $"redirect source '{from.Value}' is not a URL path: write the old address without spaces or '#', e.g. /blog/old-name/"));
            }
        }
    }

    /// <summary>"Knee Pain" -> "knee-pain": the slug an editor most likely meant.</summary>
    public static string Slugify(string value)
    {
        var sb = new StringBuilder();
        foreach (var c in InvisibleCharacters.Clean(value).ToLowerInvariant())
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
