using System.Collections.Concurrent;
using System.Text;

namespace KneeGuide.Core.Caching;

/// <summary>
/// One cached piece of work: the hash of its own input, the facts it read with the values it saw,
/// and what it produced (an opaque blob its owner knows how to read).
/// </summary>
public sealed record CacheEntry(UInt128 Input, IReadOnlyList<KeyValuePair<string, UInt128>> Reads, ReadOnlyMemory<byte> Payload);

/// <summary>A cached chain's document kept in memory, with what restoring it involves: its diagnostics, and its facets' hashes.</summary>
public sealed record ResidentDocument(UInt128 Input, Document? Output, IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>An entry as the cache holds it: its reads refer to fact keys by number (see <see cref="BuildCache"/>).</summary>
internal sealed record StoredEntry(UInt128 Input, int[] Keys, UInt128[] Values, ReadOnlyMemory<byte> Payload)
{
    /// <summary>
    /// Whether a unit asked for this entry in the current build (kept by <see cref="BuildCache.Sweep"/>).
    /// A flag on the entry rather than a shared set of used units: 23,000 lookups from parallel pages
    /// then write to their own entry instead of contending for one concurrent set's locks.
    /// </summary>
    public bool Used;
}

/// <summary>
/// The persistent build cache (Statiq's CacheDocuments, Zola's caches, salsa's memo tables): work
/// results keyed by a unit (what the work is: "the Process chain of articles/x.md") and valid while
/// the work's own input and every fact it read hash the same as when it ran. Entries not used by a
/// build are dropped when it saves, so the file holds one build's worth of results. The file is
/// keyed by <c>salt</c> (the build of the program and what it was asked for): a cache from another
/// version is ignored, never misread. Thread-safe; <c>serve</c> keeps one across rebuilds.
/// </summary>
public sealed class BuildCache
{
    private const string Magic = "KGCACHE2";
    private readonly ConcurrentDictionary<UInt128, StoredEntry> _entries;

    // Fact keys are stored once and referred to by number; within a build, each key's current value
    // is asked of the facts once (thousands of pages read the same facts: site.yml, the theme, an
    // exercise) and kept here, boxed so that parallel readers never see half a value.
    private readonly List<string> _keys;
    private readonly ConcurrentDictionary<string, int> _keyIndex;
    private object?[] _current;
    private readonly ConcurrentDictionary<string, byte[]> _sections;
    private int _hits;
    private int _misses;

    private BuildCache(string? file, UInt128 salt, ConcurrentDictionary<UInt128, StoredEntry> entries, ConcurrentDictionary<string, byte[]> sections, List<string>? keys = null)
    {
        File = file;
        Salt = salt;
        _entries = entries;
        _sections = sections;
        _keys = keys ?? [];
        _keyIndex = new ConcurrentDictionary<string, int>(_keys.Select((k, i) => KeyValuePair.Create(k, i)), StringComparer.Ordinal);
        _current = new object?[_keys.Count];
    }

    /// <summary>Where the cache is saved; null for a cache that lives in memory only.</summary>
    public string? File { get; }

    public UInt128 Salt { get; }

    /// <summary>Why the file on disk was not used, when it was not (for --verbose); null when it was, or there was none.</summary>
    public string? Discarded { get; private set; }

    public int Hits => _hits;

    public int Misses => _misses;

    public int Count => _entries.Count;

    public static BuildCache InMemory(UInt128 salt) => new(null, salt, new(), new(StringComparer.Ordinal));

    /// <summary>An empty cache that will be saved at <paramref name="file"/> (a cold build that leaves a cache for the next one).</summary>
    public static BuildCache Fresh(string file, UInt128 salt) => new(file, salt, new(), new(StringComparer.Ordinal));

    /// <summary>The cache saved at <paramref name="file"/> for this salt; an empty one when there is none, it is damaged, or from another version.</summary>
    public static BuildCache Load(string file, UInt128 salt)
    {
        var empty = new BuildCache(file, salt, new(), new(StringComparer.Ordinal));
        if (!System.IO.File.Exists(file))
        {
            return empty;
        }

        try
        {
            var bytes = System.IO.File.ReadAllBytes(file);
            var reader = new CacheReader(bytes);
            if (bytes.Length < Magic.Length || Encoding.ASCII.GetString(bytes, 0, Magic.Length) != Magic)
            {
                empty.Discarded = "not a KneeGuide cache file";
                return empty;
            }

            reader.Skip(Magic.Length);
            if (reader.ReadHash() != salt)
            {
                empty.Discarded = "made by another version of KneeGuide or with other settings";
                return empty;
            }

            var keys = reader.ReadStrings();
            var sections = new ConcurrentDictionary<string, byte[]>(StringComparer.Ordinal);
            var sectionCount = (int)reader.ReadUInt();
            for (var i = 0; i < sectionCount; i++)
            {
                sections[reader.ReadRequiredString()] = reader.ReadBytes().ToArray();
            }

            var entries = new ConcurrentDictionary<UInt128, StoredEntry>();
            var count = (int)reader.ReadUInt();
            for (var i = 0; i < count; i++)
            {
                var unit = reader.ReadHash();
                var input = reader.ReadHash();
                var reads = (int)reader.ReadUInt();
                var (indices, values) = (new int[reads], new UInt128[reads]);
                for (var r = 0; r < reads; r++)
                {
                    indices[r] = (int)reader.ReadUInt();
                    values[r] = reader.ReadHash();
                    if ((uint)indices[r] >= (uint)keys.Count)
                    {
                        throw new CacheFormatException("a read refers to an unknown fact");
                    }
                }

                entries[unit] = new StoredEntry(input, indices, values, reader.ReadBytes());
            }

            return new BuildCache(file, salt, entries, sections, keys);
        }
        catch (Exception e) when (e is CacheFormatException or IOException or UnauthorizedAccessException or ArgumentException or OverflowException)
        {
            // A damaged cache costs a cold build, never a wrong one.
            empty.Discarded = $"unreadable ({e.Message})";
            return empty;
        }
    }

    /// <summary>
    /// The entry for <paramref name="unit"/> when its input is <paramref name="input"/> and every fact
    /// it read still has the value it saw; null otherwise (the work must run again).
    /// </summary>
    public CacheEntry? Find(UInt128 unit, UInt128 input, IFactSource facts)
    {
        if (!_entries.TryGetValue(unit, out var entry))
        {
            Interlocked.Increment(ref _misses);
            return null;
        }

        // Kept by this build whether or not it is still valid: a stale entry stays until its unit
        // stores a new one (or forgets it), as it would if nothing had asked.
        entry.Used = true;
        if (entry.Input == input && Fresh(entry, facts))
        {
            Interlocked.Increment(ref _hits);
            return new CacheEntry(entry.Input, [], entry.Payload);
        }

        Interlocked.Increment(ref _misses);
        return null;
    }

    private bool Fresh(StoredEntry entry, IFactSource facts)
    {
        for (var i = 0; i < entry.Keys.Length; i++)
        {
            var current = Current(entry.Keys[i], facts);
            if (current != entry.Values[i] && current != FactValues.Unchanged)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A fact's value in this build, asked of the facts the first time.</summary>
    private UInt128 Current(int key, IFactSource facts)
    {
        var memo = Volatile.Read(ref _current);
        if (key < memo.Length && memo[key] is UInt128 known)
        {
            return known;
        }

        var value = facts.Hash(_keys[key]);
        if (key < memo.Length)
        {
            memo[key] = value;
        }

        return value;
    }

    public void Store(UInt128 unit, CacheEntry entry)
    {
        var keys = new int[entry.Reads.Count];
        var values = new UInt128[entry.Reads.Count];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = KeyOf(entry.Reads[i].Key);
            values[i] = entry.Reads[i].Value;
        }

        _entries[unit] = new StoredEntry(entry.Input, keys, values, entry.Payload) { Used = true };
    }

    private int KeyOf(string key)
    {
        if (_keyIndex.TryGetValue(key, out var index))
        {
            return index;
        }

        lock (_keys)
        {
            return _keyIndex.GetOrAdd(key, k =>
            {
                _keys.Add(k);
                return _keys.Count - 1;
            });
        }
    }

    /// <summary>Drops a unit's entry (its work reported an error, which is never cached).</summary>
    public void Forget(UInt128 unit)
    {
        _entries.TryRemove(unit, out _);
    }

    /// <summary>
    /// Keep each cached chain's resulting document in memory between builds, as well as its encoded
    /// result: a long-lived cache (the preview's) then hands an unchanged page's document to the next
    /// build as it is, with nothing decoded or rebuilt.
    /// </summary>
    public bool KeepsDocuments { get; set; }

    private readonly ConcurrentDictionary<UInt128, ResidentDocument> _resident = new();

    /// <summary>The document a cached chain made for this unit and input in an earlier build of this process.</summary>
    public ResidentDocument? Resident(UInt128 unit, UInt128 input) =>
        KeepsDocuments && _resident.TryGetValue(unit, out var resident) && resident.Input == input ? resident : null;

    public void KeepResident(UInt128 unit, ResidentDocument resident)
    {
        if (KeepsDocuments)
        {
            _resident[unit] = resident;
        }
    }

    /// <summary>Other state a build keeps for the next one (file fingerprints, output manifests), by name.</summary>
    public ReadOnlyMemory<byte>? Section(string name) => _sections.TryGetValue(name, out var bytes) ? bytes : null;

    public void SetSection(string name, byte[] bytes) => _sections[name] = bytes;

    /// <summary>
    /// Ends a build: entries no unit asked for are dropped (pages that were deleted, renamed or
    /// changed beyond reuse), and the counters start again. <c>serve</c> calls it after each rebuild.
    /// </summary>
    public void Sweep()
    {
        foreach (var (unit, entry) in _entries)
        {
            if (!entry.Used)
            {
                _entries.TryRemove(unit, out _);
            }

            entry.Used = false;
        }

        foreach (var unit in _resident.Keys)
        {
            if (!_entries.ContainsKey(unit))
            {
                _resident.TryRemove(unit, out _);
            }
        }

        _hits = 0;
        _misses = 0;
        // Facts are read afresh by the next build.
        lock (_keys)
        {
            Volatile.Write(ref _current, new object?[_keys.Count]);
        }
    }

    /// <summary>Sweeps, then writes the cache through a temporary file, so a crash never leaves half a cache.</summary>
    public void Save()
    {
        Sweep();
        if (File is null)
        {
            return;
        }

        // Only the keys the kept entries use are written, renumbered.
        var entries = _entries.OrderBy(e => e.Key).ToList();
        var renumbered = new Dictionary<int, int>();
        var keys = new List<string>();
        foreach (var (_, entry) in entries)
        {
            foreach (var key in entry.Keys)
            {
                if (!renumbered.ContainsKey(key))
                {
                    renumbered[key] = keys.Count;
                    keys.Add(_keys[key]);
                }
            }
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(File))!;
        Directory.CreateDirectory(folder);
        var temporary = File + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        {
            var header = new CacheWriter();
            header.WriteHash(Salt);
            header.WriteStrings(keys);
            header.WriteUInt((ulong)_sections.Count);
            foreach (var (name, bytes) in _sections.OrderBy(s => s.Key, StringComparer.Ordinal))
            {
                header.WriteString(name);
                header.WriteBytes(bytes);
            }

            header.WriteUInt((ulong)entries.Count);
            stream.Write(Encoding.ASCII.GetBytes(Magic));
            stream.Write(header.Written);
            var writer = new CacheWriter();
            foreach (var (unit, entry) in entries)
            {
                writer.Reset();
                writer.WriteHash(unit);
                writer.WriteHash(entry.Input);
                writer.WriteUInt((ulong)entry.Keys.Length);
                for (var i = 0; i < entry.Keys.Length; i++)
                {
                    writer.WriteUInt((ulong)renumbered[entry.Keys[i]]);
                    writer.WriteHash(entry.Values[i]);
                }

                writer.WriteUInt((ulong)entry.Payload.Length);
                stream.Write(writer.Written);
                stream.Write(entry.Payload.Span);
            }
        }

        System.IO.File.Move(temporary, File, overwrite: true);
    }
}
