namespace KneeGuide.Site.Diagnostics;

/// <summary>"Did you mean" for near misses: the closest candidate by edit distance, if close enough.</summary>
public static class Suggestions
{
    public static string? Closest(string value, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        // For a path, how close is judged on its file name: 'images/' shared by every candidate must not
        // make 'images/nothere.svg' look like a near miss of 'images/new1.svg'.
        var name = value[(value.LastIndexOf('/') + 1)..];
        var limit = Math.Max(2, name.Length / 3);
        foreach (var candidate in candidates.OrderBy(c => c, StringComparer.Ordinal))
        {
            var d = Distance(value.ToLowerInvariant(), candidate.ToLowerInvariant(), limit);
            if (d < bestDistance)
            {
                bestDistance = d;
                best = candidate;
            }
        }

        return bestDistance <= limit ? best : null;
    }

    /// <summary>Levenshtein distance, giving up early once it exceeds <paramref name="limit"/>.</summary>
    public static int Distance(string a, string b, int limit = int.MaxValue)
    {
        if (Math.Abs(a.Length - b.Length) > limit)
        {
            return int.MaxValue;
        }

        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                rowMin = Math.Min(rowMin, current[j]);
            }

            if (rowMin > limit)
            {
                return int.MaxValue;
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
