using System.Text;
using System.Text.Json;
using KneeGuide.Core;
using KneeGuide.Site.Content;
using KneeGuide.Site.SiteFiles;

namespace KneeGuide.Site.Incremental;

/// <summary>
/// Brings the search index files (<see cref="GenerateSearchIndex"/>) up to date after a body edit
/// without regenerating them: only the terms whose weight on the edited page changed are updated,
/// in the term shards that hold them, serialized exactly as a full build writes them. A page's
/// number, title and description are unchanged by a body edit, so the document chunks and the
/// manifest stay as they are.
/// </summary>
public static class SearchIndexPatch
{
    /// <summary>
    /// The changed search files (output path -> text, null for a shard that no longer has terms),
    /// with the shards added and removed (the manifest then lists the new set); null when the page
    /// is not in the search index.
    /// </summary>
    public static SearchChanges? Changes(IReadOnlyDictionary<string, string> searchFiles, IReadOnlyList<string> searchUrls, Document old, Document replacement)
    {
        var changes = new Dictionary<string, string?>(StringComparer.Ordinal);
        var added = new List<string>();
        var removed = new List<string>();
        if (searchFiles.Count == 0)
        {
            return new SearchChanges(changes, [], []);
        }

        var page = replacement.Require<ContentPage>();
        var number = BinarySearch(searchUrls, page.Url);
        if (number < 0)
        {
            return null;
        }

        var before = GenerateSearchIndex.Terms(old).ToDictionary();
        var after = GenerateSearchIndex.Terms(replacement).ToDictionary();
        var changed = before.Keys.Union(after.Keys)
            .Where(t => before.GetValueOrDefault(t) != after.GetValueOrDefault(t))
            .GroupBy(SearchTerms.ShardKey);
        foreach (var shard in changed)
        {
            var destination = $"search/terms/{shard.Key}.json";
            var terms = new SortedDictionary<string, int[][]>(StringComparer.Ordinal);
            if (searchFiles.TryGetValue(destination, out var json))
            {
                foreach (var (term, postings) in JsonSerializer.Deserialize<Dictionary<string, int[][]>>(json)!)
                {
                    terms[term] = postings;
                }
            }
            else
            {
                added.Add(shard.Key);
            }

            foreach (var term in shard)
            {
                var postings = (terms.GetValueOrDefault(term) ?? []).Where(p => p[0] != number).ToList();
                if (after.TryGetValue(term, out var weight))
                {
                    var at = postings.FindIndex(p => p[0] > number);
                    postings.Insert(at < 0 ? postings.Count : at, [number, weight]);
                }

                if (postings.Count == 0)
                {
                    terms.Remove(term);
                }
                else
                {
                    terms[term] = [.. postings];
                }
            }

            if (terms.Count == 0)
            {
                removed.Add(shard.Key);
                changes[destination] = null;
                continue;
            }

            changes[destination] = Encoding.UTF8.GetString(SearchIndexJson.TermShard(terms.Select(t => (t.Key, (IReadOnlyList<int>)t.Value.SelectMany(p => p).ToArray()))));
        }

        if (added.Count > 0 || removed.Count > 0)
        {
            changes[ManifestPath] = Manifest(searchFiles[ManifestPath], added, removed);
        }

        static List<string> Paths(IEnumerable<string> keys) => keys.Select(k => $"search/terms/{k}.json").ToList();
        return new SearchChanges(changes, Paths(added), Paths(removed));
    }

    private const string ManifestPath = "search/manifest.json";

    /// <summary>The manifest with new shard keys, built as <see cref="GenerateSearchIndex"/> builds it.</summary>
    private static string Manifest(string json, IEnumerable<string> added, IReadOnlyList<string> removed)
    {
        using var old = JsonDocument.Parse(json);
        var root = old.RootElement;
        var shards = root.GetProperty("shards").EnumerateArray().Select(s => s.GetString()!).Except(removed).Concat(added).Order(StringComparer.Ordinal).ToArray();
        return Encoding.UTF8.GetString(SearchIndexJson.Manifest(
            root.GetProperty("version").GetInt32(),
            root.GetProperty("documents").GetInt32(),
            root.GetProperty("chunk").GetInt32(),
            root.GetProperty("prefix").GetInt32(),
            shards));
    }

    private static int BinarySearch(IReadOnlyList<string> sorted, string value)
    {
        int low = 0, high = sorted.Count - 1;
        while (low <= high)
        {
            var middle = (low + high) / 2;
            var order = string.CompareOrdinal(sorted[middle], value);
            if (order == 0)
            {
                return middle;
            }

            (low, high) = order < 0 ? (middle + 1, high) : (low, middle - 1);
        }

        return -1;
    }
}

/// <summary>Search files to write (output path -> text; null: delete) and the shard files added and removed.</summary>
public sealed record SearchChanges(IReadOnlyDictionary<string, string?> Files, IReadOnlyList<string> Added, IReadOnlyList<string> Removed);
