using System.Globalization;
using System.Text.Json;

namespace KneeGuide.Site.Links;

/// <summary>
/// The disk cache of external links that answered successfully, with the time each was checked, so a
/// rebuild does not ask the same servers again within <see cref="MaxAge"/>. Failures are never
/// stored: a broken link is asked about again on the next build, so a fixed server clears the error.
/// The file is a build artefact (<c>.kneeguide/</c> is gitignored); a damaged file is ignored.
/// </summary>
public sealed class ExternalLinkCache
{
    private readonly Dictionary<string, DateTimeOffset> _entries = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private bool _changed;

    public ExternalLinkCache(string? path, TimeSpan maxAge, TimeProvider clock)
    {
        Path = path;
        MaxAge = maxAge;
        Clock = clock;
        if (path is null || !File.Exists(path))
        {
            return;
        }

        try
        {
            using var stream = File.OpenRead(path);
            var entries = JsonSerializer.Deserialize<Dictionary<string, string>>(stream) ?? [];
            foreach (var (url, checkedAt) in entries)
            {
                if (DateTimeOffset.TryParse(checkedAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
                {
                    _entries[url] = at;
                }
            }
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            // A damaged cache only costs requests; it is rewritten at the end of the build.
            _changed = true;
        }
    }

    public string? Path { get; }

    public TimeSpan MaxAge { get; }

    private TimeProvider Clock { get; }

    /// <summary>True when <paramref name="url"/> answered successfully less than <see cref="MaxAge"/> ago.</summary>
    public bool IsFresh(string url)
    {
        lock (_lock)
        {
            return _entries.TryGetValue(url, out var at) && Clock.GetUtcNow() - at < MaxAge;
        }
    }

    public void RecordSuccess(string url)
    {
        lock (_lock)
        {
            _entries[url] = Clock.GetUtcNow();
            _changed = true;
        }
    }

    /// <summary>A link that fails now must not stay cached from an earlier success.</summary>
    public void RecordFailure(string url)
    {
        lock (_lock)
        {
            _changed |= _entries.Remove(url);
        }
    }

    /// <summary>Writes the fresh entries (sorted, so the file is stable) through a temporary file.</summary>
    public void Save()
    {
        if (Path is null || !_changed)
        {
            return;
        }

        SortedDictionary<string, string> fresh;
        lock (_lock)
        {
            var now = Clock.GetUtcNow();
            fresh = new SortedDictionary<string, string>(
                _entries.Where(e => now - e.Value < MaxAge).ToDictionary(e => e.Key, e => e.Value.ToString("O", CultureInfo.InvariantCulture)),
                StringComparer.Ordinal);
        }

        var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!;
        Directory.CreateDirectory(folder);
        var temporary = Path + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(fresh, new JsonSerializerOptions { WriteIndented = true }));
        File.Move(temporary, Path, overwrite: true);
    }
}
