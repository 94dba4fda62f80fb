using System.Collections.Concurrent;
using System.Diagnostics;

namespace KneeGuide.Core;

/// <summary>
/// Runs pipelines through the four phases. Independent pipelines run in parallel; a pipeline's Process
/// phase waits for the Process phase of its dependencies; PostProcess and Output wait for the whole
/// previous phase. The engine does nothing else: no I/O, no HTTP, no configuration.
/// </summary>
public sealed class Engine(IReadOnlyList<Pipeline> pipelines, ServiceRegistry services)
{
    private readonly ConcurrentDictionary<string, IReadOnlyList<Document>> _outputs = new(StringComparer.Ordinal);

    public DiagnosticBag Diagnostics { get; } = new();

    /// <summary>Called when a pipeline finishes a phase (for progress displays).</summary>
    public event Action<string, Phase, TimeSpan>? PhaseCompleted;

    public async Task<EngineResult> RunAsync(CancellationToken cancellationToken = default)
    {
        // Check first: duplicate names must be reported as such, not as a dictionary error.
        PipelineGraph.Check(pipelines);
        var byName = pipelines.ToDictionary(p => p.Name, StringComparer.Ordinal);
        var timings = new ConcurrentDictionary<string, TimeSpan>(StringComparer.Ordinal);
        var total = Stopwatch.StartNew();

        await Task.WhenAll(pipelines.Select(p => RunPhaseAsync(p, Phase.Input, [], timings, cancellationToken)));

        var processTasks = new Dictionary<string, Task>(StringComparer.Ordinal);
        Task ProcessOf(Pipeline p)
        {
            lock (processTasks)
            {
                if (!processTasks.TryGetValue(p.Name, out var task))
                {
                    var deps = p.Dependencies.Select(d => ProcessOf(byName[d])).ToArray();
                    task = Task.WhenAll(deps).ContinueWith(
                        _ => RunPhaseAsync(p, Phase.Process, _outputs[p.Name], timings, cancellationToken),
                        cancellationToken,
                        TaskContinuationOptions.None,
                        TaskScheduler.Default).Unwrap();
                    processTasks[p.Name] = task;
                }

                return task;
            }
        }

        await Task.WhenAll(pipelines.Select(ProcessOf));
        foreach (var phase in new[] { Phase.PostProcess, Phase.Output })
        {
            var inputs = pipelines.ToDictionary(p => p.Name, p => _outputs[p.Name], StringComparer.Ordinal);
            await Task.WhenAll(pipelines.Select(p => RunPhaseAsync(p, phase, inputs[p.Name], timings, cancellationToken)));
        }

        return new EngineResult(Diagnostics, new PipelineOutputs(_outputs), total.Elapsed, new Dictionary<string, TimeSpan>(timings));
    }

    private async Task RunPhaseAsync(
        Pipeline pipeline,
        Phase phase,
        IReadOnlyList<Document> inputs,
        ConcurrentDictionary<string, TimeSpan> timings,
        CancellationToken cancellationToken)
    {
        // Yield first so that pipelines started together really run side by side.
        await Task.Yield();
        var watch = Stopwatch.StartNew();
        var context = new ExecutionContext(pipeline.Name, phase, Diagnostics, new PipelineOutputs(_outputs), services, cancellationToken);
        var documents = inputs;
        foreach (var step in Steps(pipeline.ModulesFor(phase)))
        {
            cancellationToken.ThrowIfCancellationRequested();
            documents = step.Count == 1
                ? await step[0].ExecuteAsync(documents, context)
                : await ParallelModule.ExecuteChain(step.Cast<ParallelModule>().ToList(), documents, context);
        }

        _outputs[pipeline.Name] = documents;
        timings.AddOrUpdate(pipeline.Name, watch.Elapsed, (_, t) => t + watch.Elapsed);
        PhaseCompleted?.Invoke(pipeline.Name, phase, watch.Elapsed);
    }

    /// <summary>The modules of a phase in order, with each run of consecutive parallel modules as one step.</summary>
    private static List<List<IModule>> Steps(IReadOnlyList<IModule> modules)
    {
        var steps = new List<List<IModule>>();
        foreach (var module in modules)
        {
            if (module is ParallelModule && steps.Count > 0 && steps[^1][^1] is ParallelModule)
            {
                steps[^1].Add(module);
            }
            else
            {
                steps.Add([module]);
            }
        }

        return steps;
    }

    private sealed class ExecutionContext(
        string pipelineName,
        Phase phase,
        DiagnosticBag diagnostics,
        IPipelineOutputs outputs,
        ServiceRegistry services,
        CancellationToken cancellationToken) : IExecutionContext
    {
        public string PipelineName { get; } = pipelineName;

        public Phase Phase { get; } = phase;

        public DiagnosticBag Diagnostics { get; } = diagnostics;

        public IPipelineOutputs Outputs { get; } = outputs;

        public CancellationToken CancellationToken { get; } = cancellationToken;

        public T GetService<T>() where T : class => services.Get<T>();
    }
}

public sealed record EngineResult(
    DiagnosticBag Diagnostics,
    IPipelineOutputs Outputs,
    TimeSpan Elapsed,
    IReadOnlyDictionary<string, TimeSpan> PipelineTimings);

internal sealed class PipelineOutputs(ConcurrentDictionary<string, IReadOnlyList<Document>> outputs) : IPipelineOutputs
{
    public IReadOnlyList<Document> this[string pipelineName] =>
        outputs.TryGetValue(pipelineName, out var docs) ? docs : [];

    public IEnumerable<string> PipelineNames => outputs.Keys.OrderBy(k => k, StringComparer.Ordinal);
}
