namespace KneeGuide.Core;

/// <summary>What a module sees while it runs.</summary>
public interface IExecutionContext
{
    string PipelineName { get; }

    Phase Phase { get; }

    DiagnosticBag Diagnostics { get; }

    /// <summary>The documents other pipelines produced so far (their last completed phase).</summary>
    IPipelineOutputs Outputs { get; }

    CancellationToken CancellationToken { get; }

    /// <summary>A shared service registered with the engine (site settings, the Markdown pipeline...).</summary>
    T GetService<T>() where T : class;
}

public interface IPipelineOutputs
{
    IReadOnlyList<Document> this[string pipelineName] { get; }

    IEnumerable<string> PipelineNames { get; }
}
