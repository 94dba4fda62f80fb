using KneeGuide.Site.Links;

namespace KneeGuide.Site.Incremental;

/// <summary>
/// Which produced pages link to an anchor (#id) on which other page: when a page's ids change, only
/// the pages linking into it need their links checked again. Keys are output paths
/// ("/articles/x/index.html"); a page's links to its own anchors are not kept (it is re-checked anyway).
/// </summary>
public sealed class AnchorLinkGraph
{
    private readonly Dictionary<string, HashSet<string>> _into = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _from = new(StringComparer.Ordinal);

    public static AnchorLinkGraph Build(ProducedSite site, IEnumerable<(string Path, PageLinks Links)> pages)
    {
        var graph = new AnchorLinkGraph();
        foreach (var (path, links) in pages)
        {
            graph.Update(site, path, links);
        }

        return graph;
    }

    /// <summary>The pages (other than <paramref name="target"/>) with a link to one of its anchors.</summary>
    public IReadOnlyCollection<string> LinkingTo(string target) =>
        _into.TryGetValue(target, out var sources) ? sources : [];

    /// <summary>Replaces the outgoing anchor links of <paramref name="source"/>.</summary>
    public void Update(ProducedSite site, string source, PageLinks links)
    {
        if (_from.Remove(source, out var old))
        {
            foreach (var target in old)
            {
                _into[target].Remove(source);
            }
        }

        var targets = new HashSet<string>(StringComparer.Ordinal);
        foreach (var link in links.Links)
        {
            if (link.Href.Contains('#') && site.AnchorTargetOf(source, links, link.Href) is { } target && target != source)
            {
                targets.Add(target);
            }
        }

        if (targets.Count == 0)
        {
            return;
        }

        _from[source] = targets;
        foreach (var target in targets)
        {
            if (!_into.TryGetValue(target, out var set))
            {
                _into[target] = set = new HashSet<string>(StringComparer.Ordinal);
            }

            set.Add(source);
        }
    }
}
