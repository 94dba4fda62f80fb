using System.Collections.Concurrent;

namespace KneeGuide.Core;

/// <summary>
/// Collects diagnostics from modules running in parallel. The same fault reported twice (a template
/// link seen on every page) is kept once; <see cref="Sorted"/> gives a stable order for output.
/// </summary>
public sealed class DiagnosticBag
{
    private readonly ConcurrentDictionary<Diagnostic, byte> _items = new();

    // Counted as they come in: HasErrors is asked once per written file, and ConcurrentDictionary.Keys
    // locks every bucket and copies them.
    private int _errors;

    public void Add(Diagnostic diagnostic)
    {
        if (_items.TryAdd(diagnostic, 0) && diagnostic.Severity == Severity.Error)
        {
            Interlocked.Increment(ref _errors);
        }
    }

    public void AddRange(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var d in diagnostics)
        {
            Add(d);
        }
    }

    public bool HasErrors => Volatile.Read(ref _errors) > 0;

    public int Count => _items.Count;

    public int ErrorCount => Volatile.Read(ref _errors);

    public int WarningCount => _items.Keys.Count(d => d.Severity == Severity.Warning);

    public IReadOnlyList<Diagnostic> Sorted() =>
        _items.Keys
            .OrderBy(d => d.File ?? string.Empty, StringComparer.Ordinal)
            .ThenBy(d => d.Line)
            .ThenBy(d => d.Column)
            .ThenBy(d => d.Code, StringComparer.Ordinal)
            .ThenBy(d => d.Message, StringComparer.Ordinal)
            .ToList();
}
