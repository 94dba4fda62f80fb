namespace KneeGuide.Core;

/// <summary>A named list of modules for each phase, with the pipelines it depends on.</summary>
public sealed class Pipeline(string name)
{
    public string Name { get; } = name;

    public List<string> Dependencies { get; } = [];

    public List<IModule> InputModules { get; } = [];

    public List<IModule> ProcessModules { get; } = [];

    public List<IModule> PostProcessModules { get; } = [];

    public List<IModule> OutputModules { get; } = [];

    public IReadOnlyList<IModule> ModulesFor(Phase phase) => phase switch
    {
        Phase.Input => InputModules,
        Phase.Process => ProcessModules,
        Phase.PostProcess => PostProcessModules,
        _ => OutputModules,
    };

    public Pipeline DependsOn(params string[] names)
    {
        Dependencies.AddRange(names);
        return this;
    }
}
