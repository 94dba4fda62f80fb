using System.Text;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Primitives;

namespace KneeGuide.Site.Templates;

/// <summary>
/// Serves theme partials to Fluid's include/render tags from the theme files read at start-up, so a
/// template can never pull in a file from outside the theme folder.
/// </summary>
public sealed class ThemeFileProvider(IReadOnlyDictionary<string, string> files) : IFileProvider
{
    // Fluid asks for a partial each time a page renders it: encode each file once, not per page.
    private readonly Dictionary<string, MemoryFileInfo> _files = files.ToDictionary(f => f.Key, f => new MemoryFileInfo(f.Key, f.Value), StringComparer.Ordinal);

    public IFileInfo GetFileInfo(string subpath)
    {
        var key = subpath.TrimStart('/').Replace('\\', '/');
        if (_files.TryGetValue(key, out var file) || _files.TryGetValue("partials/" + key, out file))
        {
            return file;
        }

        return new NotFoundFileInfo(subpath);
    }

    public IDirectoryContents GetDirectoryContents(string subpath) => NotFoundDirectoryContents.Singleton;

    public IChangeToken Watch(string filter) => NullChangeToken.Singleton;

    private sealed class MemoryFileInfo(string name, string text) : IFileInfo
    {
        private readonly byte[] _bytes = Encoding.UTF8.GetBytes(text);

        public bool Exists => true;

        public long Length => _bytes.Length;

        public string? PhysicalPath => null;

        public string Name { get; } = name;

        public DateTimeOffset LastModified => DateTimeOffset.UnixEpoch;

        public bool IsDirectory => false;

        public Stream CreateReadStream() => new MemoryStream(_bytes, writable: false);
    }
}
