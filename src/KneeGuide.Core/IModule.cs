using KneeGuide.Core.Caching;

namespace KneeGuide.Core;

/// <summary>One step of a pipeline: documents in, documents out. Name modules verb-noun (RenderMarkdown).</summary>
public interface IModule
{
    Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> inputs, IExecutionContext context);
}

/// <summary>
/// A module that transforms each document on its own, in parallel, keeping the input order so that the
/// output stays deterministic. Returning null drops the document (a draft, a file with errors).
/// The engine runs consecutive parallel modules of a phase as one pass (<see cref="ExecuteChain"/>):
/// each document goes through all of them before the thread takes the next one, so what one module
/// makes and the next consumes (a page's HTML that is written and released, say) never piles up for
/// the whole site at once.
/// </summary>
public abstract class ParallelModule : IModule
{
    /// <summary>
    /// Bump when the module's output for the same input changes (a fix, a new facet): the build
    /// cache then recomputes what the module made. (Any change of the program itself also empties
    /// the cache: its key includes the build of the program.)
    /// </summary>
    public virtual int Version => 1;

    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> inputs, IExecutionContext context) =>
        ExecuteChain([this], inputs, context);

    protected internal abstract Document? Execute(Document input, IDocumentContext context);

    /// <summary>Runs each document through every module in turn; a null from any module drops it.</summary>
    public static Task<IReadOnlyList<Document>> ExecuteChain(IReadOnlyList<ParallelModule> modules, IReadOnlyList<Document> inputs, IExecutionContext context)
    {
        var results = new Document?[inputs.Count];
        Parallel.For(
            0,
            inputs.Count,
            new ParallelOptions { CancellationToken = context.CancellationToken },
            i =>
            {
                var document = DocumentContext.Run(modules, inputs[i], context, ReadSet.Ignored, out var diagnostics);
                if (diagnostics is not null)
                {
                    context.Diagnostics.AddRange(diagnostics.Sorted());
                }

                results[i] = document;
            });
        IReadOnlyList<Document> kept = results.Where(d => d is not null).Select(d => d!).ToList();
        return Task.FromResult(kept);
    }
}

/// <summary>A module made from a function over the whole list, for small glue steps.</summary>
public sealed class DelegateModule(Func<IReadOnlyList<Document>, IExecutionContext, IReadOnlyList<Document>> execute) : IModule
{
    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> inputs, IExecutionContext context) =>
        Task.FromResult(execute(inputs, context));
}

/// <summary>The context of one document's pass through a chain of parallel modules.</summary>
internal sealed class DocumentContext(IExecutionContext build, ReadSet reads) : IDocumentContext
{
    private DiagnosticBag? _diagnostics;

    public string PipelineName => build.PipelineName;

    public Phase Phase => build.Phase;

    /// <summary>Made on first use: most documents report nothing.</summary>
    public DiagnosticBag Diagnostics => _diagnostics ??= new DiagnosticBag();

    public DiagnosticBag BuildDiagnostics => build.Diagnostics;

    public IPipelineOutputs Outputs => build.Outputs;

    public CancellationToken CancellationToken => build.CancellationToken;

    public ReadSet Reads { get; } = reads;

    public T GetService<T>() where T : class => build.GetService<T>();

    /// <summary>Runs one document through the modules; <paramref name="diagnostics"/> is what it reported (null for nothing).</summary>
    public static Document? Run(IReadOnlyList<ParallelModule> modules, Document input, IExecutionContext build, ReadSet reads, out DiagnosticBag? diagnostics)
    {
        var context = new DocumentContext(build, reads);
        Document? document = input;
        for (var m = 0; m < modules.Count && document is not null; m++)
        {
            document = modules[m].Execute(document, context);
        }

        diagnostics = context._diagnostics;
        return document;
    }
}
