using System.Collections.Concurrent;

namespace KneeGuide.Core;

/// <summary>A deliberately tiny service bag keyed by type: no DI container, no lifetimes.</summary>
public sealed class ServiceRegistry
{
    private readonly ConcurrentDictionary<Type, object> _services = new();

    public ServiceRegistry Add<T>(T service) where T : class
    {
        _services[typeof(T)] = service;
        return this;
    }

    public T Get<T>() where T : class =>
        _services.TryGetValue(typeof(T), out var s)
            ? (T)s
            : throw new InvalidOperationException($"No service of type {typeof(T).Name} is registered.");
}
