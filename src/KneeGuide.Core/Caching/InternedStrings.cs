using System.Collections.Concurrent;
using System.Text;

namespace KneeGuide.Core.Caching;

/// <summary>
/// One string object per distinct short string read from the cache, for values thousands of cached
/// blobs repeat (a page's search shard keys: "t:kn", "e:ee"). A warm build decodes every page's
/// keys; without this it allocated a fresh string for each of about a million of them.
/// Thread-safe: pages are decoded on every core.
/// </summary>
public sealed class InternedStrings
{
    /// <summary>Longer strings are rarely repeated: they are decoded as they are.</summary>
    private const int MaxChars = 64;

    private readonly ConcurrentDictionary<string, string> _strings = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public InternedStrings() => _lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();

    public string Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > MaxChars)
        {
            return Encoding.UTF8.GetString(utf8);
        }

        Span<char> chars = stackalloc char[MaxChars];
        var text = chars[..Encoding.UTF8.GetChars(utf8, chars)];
        if (_lookup.TryGetValue(text, out var known))
        {
            return known;
        }

        var made = text.ToString();
        return _strings.GetOrAdd(made, made);
    }
}
