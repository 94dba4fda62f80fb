namespace KneeGuide.Site.Search;

/// <summary>
/// One string per distinct word and thread for the whole build: pages share most of their words, so
/// each word is allocated about once instead of once per page that uses it. Each thread has its own
/// table: a shared one made both cores queue on its locks whenever a new word came up.
/// </summary>
public sealed class StringPool
{
    private readonly ThreadLocal<Table> _tables = new(() => new Table());

    /// <summary>This thread's table (fetch it once per page, not per word).</summary>
    public Table ForThisThread => _tables.Value!;

    public sealed class Table
    {
        private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

        public Table() => _lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();

        public string Get(ReadOnlySpan<char> text)
        {
            if (_lookup.TryGetValue(text, out var known))
            {
                return known;
            }

            var copy = text.ToString();
            _strings[copy] = copy;
            return copy;
        }
    }
}
