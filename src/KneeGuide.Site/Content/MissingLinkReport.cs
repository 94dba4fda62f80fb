using KneeGuide.Core;
using KneeGuide.Site.Diagnostics;
using KneeGuide.Site.Markdown;

namespace KneeGuide.Site.Content;

/// <summary>
/// Reports links to files that do not exist, once every page is known, with the fix most likely
/// meant: the page that took over the old address (a renamed page lists it in redirect_from), the
/// same path from the input folder's top (a link written without its '../'), or the nearest name.
/// </summary>
public sealed class MissingLinkReport(SourceCatalog catalog, IReadOnlyDictionary<string, string> redirectOwners)
{
    /// <param name="redirectOwners">Old address (as redirect_from normalizes it) -> source of the page that lists it.</param>
    public Diagnostic Describe(MissingLinkTarget link)
    {
        var suffix = link.Fragment is null ? "" : "#" + link.Fragment;
        var fromFolder = Markdown.SourceLinkResolver.Directory(link.FromSource);
        var what = link.IsImage ? "image" : "link";
        var message = $"{what} target '{link.Written}' does not exist (looked for {catalog.Display(link.Target)})";

        if (!link.IsImage && link.Target.EndsWith(".md", StringComparison.OrdinalIgnoreCase)
            && redirectOwners.TryGetValue(ContentPaths.UrlOf(link.Target), out var renamed))
        {
            var to = Markdown.SourceLinkResolver.Relative(fromFolder, renamed) + suffix;
            return Diagnostic.Error(ErrorCodes.BrokenLink, link.At, $"{message}: the page was renamed to {renamed}, which lists the old address in redirect_from; link to the new file", to);
        }

        if (FromAnAncestor(link) is { } found)
        {
            var to = Markdown.SourceLinkResolver.Relative(fromFolder, found) + suffix;
            return Diagnostic.Error(ErrorCodes.BrokenLink, link.At, $"{message}: links are relative to the page's own folder, so a link from {link.FromSource} to {found} needs '../'", to);
        }

        var candidates = catalog.Files.Where(f => link.IsImage ? ContentPaths.IsImage(f) : !ContentPaths.IsImage(f));
        var near = Suggestions.Closest(link.Target, candidates);
        return Diagnostic.Error(ErrorCodes.BrokenLink, link.At, message, near is null ? null : Markdown.SourceLinkResolver.Relative(fromFolder, near) + suffix);
    }

    /// <summary>The file the link names when read from a folder above the page's own (the usual missing '../').</summary>
    private string? FromAnAncestor(MissingLinkTarget link)
    {
        var written = link.Written.TrimStart('.', '/');
        var folder = Markdown.SourceLinkResolver.Directory(link.FromSource).TrimEnd('/');
        while (true)
        {
            folder = folder.Contains('/') ? folder[..folder.LastIndexOf('/')] : "";
            var candidate = folder.Length == 0 ? written : $"{folder}/{written}";
            if (candidate != link.Target && catalog.Contains(candidate))
            {
                return candidate;
            }

            if (folder.Length == 0)
            {
                return null;
            }
        }
    }
}
