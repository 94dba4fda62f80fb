using KneeGuide.Core.Caching;

namespace KneeGuide.Core;

/// <summary>What a module sees while it runs.</summary>
public interface IExecutionContext
{
    string PipelineName { get; }

    Phase Phase { get; }

    DiagnosticBag Diagnostics { get; }

    /// <summary>
    /// The documents of other pipelines, as far as this phase may see them (Statiq's rule): in the
    /// Process phase, the Process output of the pipelines this one depends on; in PostProcess, any
    /// pipeline's Process output; in Output, any pipeline's PostProcess output. Anything else throws.
    /// </summary>
    IPipelineOutputs Outputs { get; }

    CancellationToken CancellationToken { get; }

    /// <summary>A shared service registered with the engine (site settings, the Markdown pipeline...).</summary>
    T GetService<T>() where T : class;
}

/// <summary>
/// What a module sees while it transforms one document: the diagnostics are that document's own (so a
/// cached result can replay them) and <see cref="Reads"/> records every fact it reads from outside the
/// document (so the result is reused exactly as long as those facts stay the same).
/// </summary>
public interface IDocumentContext : IExecutionContext
{
    ReadSet Reads { get; }

    /// <summary>The whole build's diagnostics (to see whether the build already failed).</summary>
    DiagnosticBag BuildDiagnostics { get; }
}

public interface IPipelineOutputs
{
    IReadOnlyList<Document> this[string pipelineName] { get; }

    IEnumerable<string> PipelineNames { get; }
}

/// <summary>
/// Where written documents go (the site's staging folder). A document restored from the build cache
/// asks it to reuse the file it wrote last time instead of writing it again.
/// </summary>
public interface IOutputSink
{
    /// <summary>Puts the file with this hash, written by an earlier build, at <paramref name="destination"/>; false when no such file is at hand.</summary>
    bool TryReuse(string destination, UInt128 hash);
}
