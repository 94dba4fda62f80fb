using KneeGuide.Core;

namespace KneeGuide.Cli.Reporting;

/// <summary>
/// What `serve` prints after each rebuild. The first build prints every diagnostic; a rebuild prints
/// every error (a failed build must say why) but only the warnings the last build did not have, and
/// counts the rest: on a large site with thousands of standing warnings, reprinting all of them on
/// every save buries the one the editor just caused and takes longer than the rebuild itself.
/// </summary>
public sealed class RebuildDiagnostics
{
    private HashSet<Diagnostic>? _lastWarnings;

    /// <summary>The diagnostics to print for this build, in the build's order, and how many warnings
    /// were left out because the previous build already printed them.</summary>
    public (IReadOnlyList<Diagnostic> Print, int Unchanged) Next(IReadOnlyList<Diagnostic> diagnostics)
    {
        var warnings = new HashSet<Diagnostic>();
        var print = new List<Diagnostic>();
        var unchanged = 0;
        foreach (var d in diagnostics)
        {
            if (d.Severity != Severity.Error)
            {
                warnings.Add(d);
                if (_lastWarnings?.Contains(d) == true)
                {
                    unchanged++;
                    continue;
                }
            }

            print.Add(d);
        }

        _lastWarnings = warnings;
        return (print, unchanged);
    }
}
