namespace KneeGuide.Core;

/// <summary>
/// Statiq's four phases. Input runs for every pipeline at once; Process runs after the Process phase of
/// the pipelines a pipeline depends on; PostProcess runs once every Process phase is done (so it may
/// look at every pipeline's documents, for cross-links); Output runs once every PostProcess is done.
/// </summary>
public enum Phase
{
    Input,
    Process,
    PostProcess,
    Output,
}
