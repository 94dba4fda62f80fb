using KneeGuide.Core;
using KneeGuide.Core.Caching;
using KneeGuide.Site.Content;
using KneeGuide.Site.Diagnostics;
using KneeGuide.Site.Links;

namespace KneeGuide.Site.Markdown;

/// <summary>
/// Turns a link an editor wrote in Markdown into the URL the reader gets: a relative path to another
/// source file becomes that page's pretty URL (../mobility/x.md#hips -> /mobility/x/#hips), a relative
/// path to an image or file becomes its published path. Reports links to missing files and links
/// that climb out of the input folder, at the editor's line and column.
/// </summary>
public sealed class SourceLinkResolver(SourceCatalog catalog, IFactSource facts)
{
    /// <param name="Hreflang">The language of the page linked to, when it is not the linking page's (a translation's link to an original with no translation).</param>
    public sealed record Resolved(string Href, string? TargetSource, string? Hreflang = null);

    /// <summary>
    /// The rewritten href, or null when the link is broken. A link that climbs out of the input is
    /// reported here; a link to a file that does not exist goes to <paramref name="missing"/>, to be
    /// reported once every page is known (a page's redirect_from may hold the old address it meant).
    /// With <paramref name="report"/> false (a link the editor opted out of checking) a broken link is
    /// kept as written, unreported.
    /// </summary>
    /// <param name="reads">Where the page records which files it looked for: a link changes when its file appears or goes.</param>
    /// <param name="language">A translation's language and the default language's code: a link to a page goes to its translation in that language when there is one, else to the original, marked with the default's hreflang.</param>
    public Resolved? Resolve(string url, string fromSource, SourceLocation at, bool isImage, DiagnosticBag diagnostics, ReadSet reads, List<MissingLinkTarget> missing, bool report = true, (string Code, string Default)? language = null)
    {
        var kind = UrlClassifier.Classify(url);
        if (kind != UrlKind.Relative)
        {
            return new Resolved(url, null);
        }

        var (path, fragment) = UrlClassifier.SplitPath(url);
        var suffix = fragment is null ? "" : "#" + fragment;
        var decoded = Uri.UnescapeDataString(path);
        var target = Combine(Directory(fromSource), decoded);
        if (target is null || (!report && !catalog.Contains(target) && !target.EndsWith('/')))
        {
            if (!report)
            {
                return new Resolved(url, null);
            }

            diagnostics.Add(Diagnostic.Error(ErrorCodes.LinkEscapesInput, at, $"'{url}' leads outside the input folder; link only to files inside it"));
            return null;
        }

        if (target.Length == 0 || target.EndsWith('/'))
        {
            // A folder link (../articles/): the published section page, checked against the output later.
            return new Resolved("/" + target + suffix, null);
        }

        reads.Read(facts, SiteFacts.File(target));
        if (!catalog.Contains(target))
        {
            missing.Add(new MissingLinkTarget(at, decoded, target, fragment, isImage, fromSource));
            return null;
        }

        var isPage = target.EndsWith(".md", StringComparison.OrdinalIgnoreCase);
        if (isPage && language is { } lang && Translations.NameOf(target) is null)
        {
            var translated = target[..^3] + "." + lang.Code + ".md";
            reads.Read(facts, SiteFacts.File(translated));
            return catalog.Contains(translated)
                ? new Resolved(Translations.UrlIn(lang.Code, ContentPaths.UrlOf(target)) + suffix, translated)
                : new Resolved(ContentPaths.UrlOf(target) + suffix, target, lang.Default);
        }

        var href = isPage
            ? ContentPaths.UrlOf(target)
            : ContentPaths.FileUrlOf(target);
        return new Resolved(href + suffix, target);
    }

    public static string Directory(string source) => source.Contains('/') ? source[..(source.LastIndexOf('/') + 1)] : "";

    /// <summary>Joins a relative path to a folder inside the input, or null when it climbs out.</summary>
    public static string? Combine(string directory, string relative)
    {
        var parts = new List<string>(directory.Split('/', StringSplitOptions.RemoveEmptyEntries));
        var segments = relative.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            if (segment == "..")
            {
                if (parts.Count == 0)
                {
                    return null;
                }

                parts.RemoveAt(parts.Count - 1);
            }
            else if (segment is not "." and not "")
            {
                parts.Add(segment);
            }
        }

        var joined = string.Join('/', parts);
        return relative.EndsWith('/') && joined.Length > 0 ? joined + "/" : joined;
    }

    public static string Relative(string fromDirectory, string target)
    {
        var depth = fromDirectory.Count(c => c == '/');
        return string.Concat(Enumerable.Repeat("../", depth)) + target;
    }
}
