using System.Collections.Concurrent;
using KneeGuide.Core;
using KneeGuide.Site.Content;

namespace KneeGuide.Site.Templates;

/// <summary>
/// Says where a link in template output was written, so a broken one is reported once, at its
/// source: the theme file that contains it literally, the site.yml navigation entry it came from,
/// or else the layout that rendered it.
/// </summary>
public sealed class TemplateLinkLocator(ThemeTemplates theme, SiteConfig config)
{
    private readonly ConcurrentDictionary<(string, SourceLocation), SourceLocation> _cache = new();

    /// <summary>
    /// The place a template link was written; <paramref name="layout"/> (the rendering layout) when it
    /// cannot be pinned down. Called only for broken links, so its cost stays off the hot path.
    /// </summary>
    public SourceLocation Locate(string value, SourceLocation layout) =>
        _cache.GetOrAdd((value, layout), key => Find(key.Item1, key.Item2));

    private SourceLocation Find(string value, SourceLocation layout)
    {
        if (value.Length > 0)
        {
            foreach (var (path, text) in theme.Sources)
            {
                var index = text.IndexOf($"\"{value}\"", StringComparison.Ordinal);
                if (index >= 0)
                {
                    var line = 1 + text.AsSpan(0, index).Count('\n');
                    var lineStart = index == 0 ? 0 : text.LastIndexOf('\n', index - 1) + 1;
                    return new SourceLocation(theme.Display(path), line, index + 2 - lineStart);
                }
            }

            foreach (var nav in config.Nav.Where(n => n.Url.Value == value))
            {
                return nav.Url.Location;
            }
        }

        return layout;
    }
}
