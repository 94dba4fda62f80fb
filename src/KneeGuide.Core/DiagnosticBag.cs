using System.Collections.Concurrent;

namespace KneeGuide.Core;

/// <summary>
/// Collects diagnostics from modules running in parallel. The same fault reported twice (a template
/// link seen on every page) is kept once; <see cref="Sorted"/> gives a stable order for output.
/// </summary>
public sealed class DiagnosticBag
{
    // Added to from every thread at once (a warm build hands over the 17,400 warnings of its restored
    // pages in one parallel loop): a lock-free queue, with repeats dropped when the bag is read. A
    // concurrent set here had every page's thread contend for its locks and its growth (the largest
    // frame in a profile of `serve`).
    private readonly ConcurrentQueue<Diagnostic> _added = new();

    // Errors also go into a set as they come in, so that each distinct one is counted once: HasErrors
    // is asked once per written file. Errors are few, so the set is rarely contended.
    private readonly ConcurrentDictionary<Diagnostic, byte> _errors = new();
    private int _errorCount;

    public void Add(Diagnostic diagnostic)
    {
        if (diagnostic.Severity == Severity.Error && _errors.TryAdd(diagnostic, 0))
        {
            Interlocked.Increment(ref _errorCount);
        }

        _added.Enqueue(diagnostic);
    }

    public void AddRange(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var d in diagnostics)
        {
            Add(d);
        }
    }

    public bool HasErrors => Volatile.Read(ref _errorCount) > 0;

    public int Count => Distinct().Count;

    public int ErrorCount => Volatile.Read(ref _errorCount);

    public int WarningCount => Distinct().Count(d => d.Severity == Severity.Warning);

    /// <summary>Every distinct diagnostic, ordered by every field (so the order never depends on which thread added what first).</summary>
    public IReadOnlyList<Diagnostic> Sorted() =>
        Distinct()
            .OrderBy(d => d.File ?? string.Empty, StringComparer.Ordinal)
            .ThenBy(d => d.Line)
            .ThenBy(d => d.Column)
            .ThenBy(d => d.Code, StringComparer.Ordinal)
            .ThenBy(d => d.Message, StringComparer.Ordinal)
            .ThenBy(d => d.Severity)
            .ThenBy(d => d.Suggestion, StringComparer.Ordinal)
            .ToList();

    private HashSet<Diagnostic> Distinct() => [.. _added];
}
