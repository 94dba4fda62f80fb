namespace KneeGuide.Core.Caching;

/// <summary>
/// What one piece of work read from outside its own input while it ran: each fact by key
/// ("credit:knee.svg", "exercise:heel-raises") with the hash of the value it saw. The work's cached
/// result stays valid for as long as every one of these facts still hashes the same, which is how a
/// front matter edit re-renders exactly the pages that show what changed. Thread-safe: a page's
/// modules may record from parallel code.
/// </summary>
public sealed class ReadSet
{
    private readonly Dictionary<string, UInt128> _reads = new(StringComparer.Ordinal);

    /// <summary>A read set that records nothing, for work whose result is never cached.</summary>
    public static ReadSet Ignored { get; } = new(ignored: true);

    private readonly bool _ignored;

    public ReadSet()
    {
    }

    private ReadSet(bool ignored) => _ignored = ignored;

    public void Add(string key, UInt128 value)
    {
        if (_ignored)
        {
            return;
        }

        lock (_reads)
        {
            _reads[key] = value;
        }
    }

    /// <summary>Records a fact through the facts that know its current value.</summary>
    public void Read(IFactSource facts, string key)
    {
        var value = facts.Hash(key);
        // "Unchanged" only answers a check; a read must record the value itself.
        Add(key, value != FactValues.Unchanged ? value : throw new InvalidOperationException($"The fact '{key}' was recorded through a source that only says it is unchanged: record it where its value is worked out."));
    }

    /// <summary>The reads in key order (stable, so a cache entry's bytes do not depend on timing).</summary>
    public IReadOnlyList<KeyValuePair<string, UInt128>> Snapshot()
    {
        lock (_reads)
        {
            var reads = _reads.ToArray();
            Array.Sort(reads, static (a, b) => string.CompareOrdinal(a.Key, b.Key));
            return reads;
        }
    }
}

/// <summary>
/// The current value of every fact a piece of work may read, as a hash: what a recorded read is
/// compared with on the next build. The site provides it (its catalog, credits, settings, theme,
/// site index and previous output); a fact that cannot be known yet in the current phase throws.
/// </summary>
public interface IFactSource
{
    /// <summary>
    /// The fact's current hash, or <see cref="FactValues.Unchanged"/> when the source knows that the
    /// fact has the value it had in the previous build (every entry the cache keeps was checked, or
    /// made, by that build, so it saw exactly that value).
    /// </summary>
    UInt128 Hash(string key);
}

public static class FactValues
{
    /// <summary>"Same as in the previous build": lets a source skip working out facts it knows did not change.</summary>
    public static readonly UInt128 Unchanged = UInt128.MaxValue;
}
