using System.Numerics;
using System.Text;

namespace KneeGuide.Site.Templates;

/// <summary>
/// A QR code (ISO/IEC 18004) of a text in byte mode at error correction level M, as a grid of
/// modules with the 4-module quiet zone around it. Drawn here rather than with QRCoder because the
/// sheet of every page with exercises has one: QRCoder's mask scoring (BitArray lists copied for each
/// of the eight masks) cost about 0.45 ms of CPU and 30 KB of garbage a code, ~2.5 s of a cold build of the
/// 5,801-page corpus (docs/performance.md). The modules are the ones QRCoder 1.8.1 draws for the same
/// address (the same version, codewords, placement and its penalty scoring of the masks; a test
/// compares them module for module); QRCoder switches to numeric or alphanumeric segments for
/// long runs of digits or capitals, which a page address does not have and this code never does
/// (byte mode reads the same in every scanner).
/// </summary>
public sealed class QrCode
{
    private const int QuietZone = 4;

    // Level M, by version (index 0 unused): error correction codewords per block and number of blocks.
    private static readonly int[] EccPerBlock = [-1, 10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26, 26, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28];
    private static readonly int[] Blocks = [-1, 1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16, 17, 17, 18, 20, 21, 23, 25, 26, 28, 29, 31, 33, 35, 37, 38, 40, 43, 45, 47, 49];

    private readonly bool[] _modules;

    private QrCode(int size, bool[] modules)
    {
        Size = size;
        _modules = modules;
    }

    /// <summary>Modules per side, the quiet zone included.</summary>
    public int Size { get; }

    /// <summary>Whether the module at column <paramref name="x"/>, row <paramref name="y"/> is dark (the quiet zone is light).</summary>
    public bool this[int x, int y]
    {
        get
        {
            var inner = Size - (2 * QuietZone);
            x -= QuietZone;
            y -= QuietZone;
            return x >= 0 && y >= 0 && x < inner && y < inner && _modules[(y * inner) + x];
        }
    }

    /// <summary>The code for a text: ISO-8859-1 bytes when every character has one, UTF-8 otherwise (as QRCoder does, without an ECI header).</summary>
    public static QrCode Of(string text)
    {
        var bytes = text.All(c => c <= '\u00ff') ? Encoding.Latin1.GetBytes(text) : Encoding.UTF8.GetBytes(text);
        var version = 1;
        while (DataCodewords(version) * 8 < 4 + CountBits(version) + (bytes.Length * 8))
        {
            version++;
            if (version > 40)
            {
                throw new ArgumentException($"{bytes.Length} bytes do not fit in a QR code at level M", nameof(text));
            }
        }

        var data = DataBits(bytes, version);
        var codewords = WithErrorCorrection(data, version);
        var size = (version * 4) + 17;
        var grid = new bool[size * size];
        var function = new bool[size * size];
        DrawFunctionPatterns(grid, function, size, version);
        DrawCodewords(grid, function, size, codewords);

        var best = -1;
        var bestScore = int.MaxValue;
        var trial = new bool[size * size];
        for (var mask = 0; mask < 8; mask++)
        {
            Array.Copy(grid, trial, grid.Length);
            ApplyMask(trial, function, version, mask);
            DrawFormatAndVersion(trial, size, version, mask);
            var score = Penalty(trial, size);
            if (score < bestScore)
            {
                (best, bestScore) = (mask, score);
            }
        }

        ApplyMask(grid, function, version, best);
        DrawFormatAndVersion(grid, size, version, best);
        return new QrCode(size + (2 * QuietZone), grid);
    }

    private static int CountBits(int version) => version <= 9 ? 8 : 16;

    private static int RawDataModules(int version)
    {
        var result = (((16 * version) + 128) * version) + 64;
        if (version >= 2)
        {
            var align = (version / 7) + 2;
            result -= (((25 * align) - 10) * align) - 55;
            if (version >= 7)
            {
                result -= 36;
            }
        }

        return result;
    }

    private static int DataCodewords(int version) => (RawDataModules(version) / 8) - (EccPerBlock[version] * Blocks[version]);

    /// <summary>Mode, count, the bytes, terminator and padding, as data codewords.</summary>
    private static byte[] DataBits(byte[] bytes, int version)
    {
        var capacity = DataCodewords(version);
        var result = new byte[capacity];
        var bit = 0;
        void Put(int value, int length)
        {
            for (var i = length - 1; i >= 0; i--, bit++)
            {
                if (((value >> i) & 1) != 0)
                {
                    result[bit >> 3] |= (byte)(0x80 >> (bit & 7));
                }
            }
        }

        Put(0b0100, 4);
        Put(bytes.Length, CountBits(version));
        foreach (var b in bytes)
        {
            Put(b, 8);
        }

        bit += Math.Min(4, (capacity * 8) - bit);
        var next = (bit + 7) >> 3;
        for (var pad = 0; next < capacity; next++, pad ^= 1)
        {
            result[next] = pad == 0 ? (byte)0xEC : (byte)0x11;
        }

        return result;
    }

    /// <summary>The data split into blocks, each with its Reed-Solomon codewords, interleaved.</summary>
    private static byte[] WithErrorCorrection(byte[] data, int version)
    {
        var blocks = Blocks[version];
        var eccLength = EccPerBlock[version];
        var raw = RawDataModules(version) / 8;
        var shortBlocks = blocks - (raw % blocks);
        var shortLength = raw / blocks;
        var divisor = ReedSolomonDivisor(eccLength);
        var all = new byte[blocks][];
        for (int i = 0, k = 0; i < blocks; i++)
        {
            var dataLength = shortLength - eccLength + (i < shortBlocks ? 0 : 1);
            var block = new byte[shortLength + 1];
            Array.Copy(data, k, block, 0, dataLength);
            k += dataLength;
            var ecc = ReedSolomonRemainder(block.AsSpan(0, dataLength), divisor);
            // Short blocks leave one place empty, so that the columns line up when interleaved.
            ecc.CopyTo(block, shortLength + 1 - eccLength);
            all[i] = block;
        }

        var result = new byte[raw];
        var n = 0;
        for (var i = 0; i <= shortLength; i++)
        {
            for (var j = 0; j < blocks; j++)
            {
                if (i != shortLength - eccLength || j >= shortBlocks)
                {
                    result[n++] = all[j][i];
                }
            }
        }

        return result;
    }

    private static byte[] ReedSolomonDivisor(int degree)
    {
        var result = new byte[degree];
        result[degree - 1] = 1;
        var root = 1;
        for (var i = 0; i < degree; i++)
        {
            for (var j = 0; j < degree; j++)
            {
                result[j] = Multiply(result[j], (byte)root);
                if (j + 1 < degree)
                {
                    result[j] ^= result[j + 1];
                }
            }

            root = Multiply((byte)root, 0x02);
        }

        return result;
    }

    private static byte[] ReedSolomonRemainder(ReadOnlySpan<byte> data, byte[] divisor)
    {
        var result = new byte[divisor.Length];
        foreach (var b in data)
        {
            var factor = (byte)(b ^ result[0]);
            Array.Copy(result, 1, result, 0, result.Length - 1);
            result[^1] = 0;
            for (var i = 0; i < result.Length; i++)
            {
                result[i] ^= Multiply(divisor[i], factor);
            }
        }

        return result;
    }

    /// <summary>Multiplication in GF(2^8) modulo x^8 + x^4 + x^3 + x^2 + 1, by logarithms.</summary>
    private static byte Multiply(byte x, byte y) => x == 0 || y == 0 ? (byte)0 : Exp[Log[x] + Log[y]];

    private static readonly byte[] Exp = new byte[512];
    private static readonly int[] Log = MakeLogTables();

    private static int[] MakeLogTables()
    {
        var log = new int[256];
        var value = 1;
        for (var i = 0; i < 255; i++)
        {
            Exp[i] = Exp[i + 255] = (byte)value;
            log[value] = i;
            value <<= 1;
            if (value > 0xFF)
            {
                value ^= 0x11D;
            }
        }

        return log;
    }

    private static void DrawFunctionPatterns(bool[] grid, bool[] function, int size, int version)
    {
        void Set(int x, int y, bool dark)
        {
            grid[(y * size) + x] = dark;
            function[(y * size) + x] = true;
        }

        for (var i = 0; i < size; i++)
        {
            Set(6, i, i % 2 == 0);
            Set(i, 6, i % 2 == 0);
        }

        // Finder patterns with their separators, at three corners.
        foreach (var (cx, cy) in new[] { (3, 3), (size - 4, 3), (3, size - 4) })
        {
            for (var dy = -4; dy <= 4; dy++)
            {
                for (var dx = -4; dx <= 4; dx++)
                {
                    var (x, y) = (cx + dx, cy + dy);
                    if (x >= 0 && x < size && y >= 0 && y < size)
                    {
                        var distance = Math.Max(Math.Abs(dx), Math.Abs(dy));
                        Set(x, y, distance != 2 && distance != 4);
                    }
                }
            }
        }

        var positions = AlignmentPositions(version, size);
        for (var i = 0; i < positions.Length; i++)
        {
            for (var j = 0; j < positions.Length; j++)
            {
                var corner = (i == 0 && j == 0) || (i == 0 && j == positions.Length - 1) || (i == positions.Length - 1 && j == 0);
                if (!corner)
                {
                    for (var dy = -2; dy <= 2; dy++)
                    {
                        for (var dx = -2; dx <= 2; dx++)
                        {
                            Set(positions[i] + dx, positions[j] + dy, Math.Max(Math.Abs(dx), Math.Abs(dy)) != 1);
                        }
                    }
                }
            }
        }

        // Reserved for the format (drawn per mask) and version information, and the dark module.
        for (var i = 0; i < 9; i++)
        {
            function[(8 * size) + i] = function[(i * size) + 8] = true;
        }

        for (var i = 0; i < 8; i++)
        {
            function[(8 * size) + size - 1 - i] = function[((size - 1 - i) * size) + 8] = true;
        }

        if (version >= 7)
        {
            for (var i = 0; i < 18; i++)
            {
                var (a, b) = (size - 11 + (i % 3), i / 3);
                function[(b * size) + a] = function[(a * size) + b] = true;
            }
        }

        Set(8, size - 8, true);
    }

    private static int[] AlignmentPositions(int version, int size)
    {
        if (version == 1)
        {
            return [];
        }

        var count = (version / 7) + 2;
        var step = ((version * 8) + (count * 3) + 5) / ((count * 4) - 4) * 2;
        var result = new int[count];
        result[0] = 6;
        for (int i = count - 1, position = size - 7; i >= 1; i--, position -= step)
        {
            result[i] = position;
        }

        return result;
    }

    /// <summary>The codewords' bits in the zigzag of two-module columns, right to left, skipping the timing column.</summary>
    private static void DrawCodewords(bool[] grid, bool[] function, int size, byte[] codewords)
    {
        var bit = 0;
        for (var right = size - 1; right >= 1; right -= 2)
        {
            if (right == 6)
            {
                right = 5;
            }

            for (var vertical = 0; vertical < size; vertical++)
            {
                for (var j = 0; j < 2; j++)
                {
                    var x = right - j;
                    var upward = ((right + 1) & 2) == 0;
                    var y = upward ? size - 1 - vertical : vertical;
                    if (!function[(y * size) + x] && bit < codewords.Length * 8)
                    {
                        grid[(y * size) + x] = ((codewords[bit >> 3] >> (7 - (bit & 7))) & 1) != 0;
                        bit++;
                    }
                }
            }
        }
    }

    private static void ApplyMask(bool[] grid, bool[] function, int version, int mask)
    {
        var flips = Flips(function, version, mask);
        for (var i = 0; i < grid.Length; i++)
        {
            grid[i] ^= flips[i];
        }
    }

    /// <summary>The modules a mask inverts in a version's codes (every module but the function patterns), worked out once per version and mask.</summary>
    private static bool[] Flips(bool[] function, int version, int mask)
    {
        if (FlipsByVersion[(version * 8) + mask] is { } known)
        {
            return known;
        }

        var size = (version * 4) + 17;
        var flips = new bool[size * size];
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                var invert = mask switch
                {
                    0 => (x + y) % 2 == 0,
                    1 => y % 2 == 0,
                    2 => x % 3 == 0,
                    3 => (x + y) % 3 == 0,
                    4 => ((x / 3) + (y / 2)) % 2 == 0,
                    5 => ((x * y) % 2) + ((x * y) % 3) == 0,
                    6 => (((x * y) % 2) + ((x * y) % 3)) % 2 == 0,
                    _ => (((x + y) % 2) + ((x * y) % 3)) % 2 == 0,
                };
                flips[(y * size) + x] = invert && !function[(y * size) + x];
            }
        }

        // Two threads may both work it out: the same array either way.
        FlipsByVersion[(version * 8) + mask] = flips;
        return flips;
    }

    private static readonly bool[]?[] FlipsByVersion = new bool[]?[41 * 8];

    private static void DrawFormatAndVersion(bool[] grid, int size, int version, int mask)
    {
        void Set(int x, int y, bool dark) => grid[(y * size) + x] = dark;

        // Level M is 00; the mask's 3 bits; a BCH(15, 5) remainder; XOR 101010000010010.
        var data = mask;
        var remainder = data;
        for (var i = 0; i < 10; i++)
        {
            remainder = (remainder << 1) ^ ((remainder >> 9) * 0x537);
        }

        var bits = ((data << 10) | remainder) ^ 0x5412;
        bool Bit(int value, int i) => ((value >> i) & 1) != 0;
        for (var i = 0; i <= 5; i++)
        {
            Set(8, i, Bit(bits, i));
        }

        Set(8, 7, Bit(bits, 6));
        Set(8, 8, Bit(bits, 7));
        Set(7, 8, Bit(bits, 8));
        for (var i = 9; i < 15; i++)
        {
            Set(14 - i, 8, Bit(bits, i));
        }

        for (var i = 0; i < 8; i++)
        {
            Set(size - 1 - i, 8, Bit(bits, i));
        }

        for (var i = 8; i < 15; i++)
        {
            Set(8, size - 15 + i, Bit(bits, i));
        }

        if (version >= 7)
        {
            var rem = version;
            for (var i = 0; i < 12; i++)
            {
                rem = (rem << 1) ^ ((rem >> 11) * 0x1F25);
            }

            var versionBits = (version << 12) | rem;
            for (var i = 0; i < 18; i++)
            {
                var (a, b) = (size - 11 + (i % 3), i / 3);
                Set(a, b, Bit(versionBits, i));
                Set(b, a, Bit(versionBits, i));
            }
        }
    }

    /// <summary>
    /// QRCoder 1.8.1's penalty score of a masked code (its reading of the standard's four rules:
    /// runs of five or more, 2x2 blocks, finder-like 1:1:3:1:1 patterns with four light modules on
    /// one side, and the dark share away from half), so that the same mask is chosen. Worked out on
    /// rows and columns packed 64 modules to a word: module by module, the branches on random
    /// modules (mispredicted half the time) cost more than all the arithmetic.
    /// </summary>
    private static int Penalty(bool[] m, int size)
    {
        var words = (size + 63) >> 6;
        Span<ulong> rows = stackalloc ulong[size * words];
        Span<ulong> columns = stackalloc ulong[size * words];
        rows.Clear();
        columns.Clear();
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                var bit = m[(y * size) + x] ? 1UL : 0UL;
                rows[(y * words) + (x >> 6)] |= bit << (x & 63);
                columns[(x * words) + (y >> 6)] |= bit << (y & 63);
            }
        }

        var score = 0;
        for (var line = 0; line < size; line++)
        {
            score += LinePenalty(rows.Slice(line * words, words), size) + LinePenalty(columns.Slice(line * words, words), size);
        }

        // Rule 2: a 2x2 block of one colour at (x, y), for every x and y but the last.
        for (var y = 0; y < size - 1; y++)
        {
            var row = rows.Slice(y * words, words);
            var below = rows.Slice((y + 1) * words, words);
            for (var j = 0; j < words; j++)
            {
                var same = ~(row[j] ^ Shifted(row, j, 1)) & ~(row[j] ^ below[j]) & ~(below[j] ^ Shifted(below, j, 1));
                score += 3 * BitOperations.PopCount(same & Valid(j, size - 1));
            }
        }

        var dark = 0;
        foreach (var word in rows)
        {
            dark += BitOperations.PopCount(word);
        }

        var percentDiv5 = dark * 20 / (size * size);
        score += Math.Min(Math.Abs(percentDiv5 - 10), Math.Abs(percentDiv5 - 9)) * 10;
        return score;
    }

    /// <summary>Rules 1 and 3 along one row or column: runs of five or more (3, and 1 more for each module past five), and the patterns 10111010000 and 00001011101 (40 each).</summary>
    private static int LinePenalty(ReadOnlySpan<ulong> line, int size)
    {
        var words = line.Length;
        Span<ulong> equal = stackalloc ulong[words];
        for (var j = 0; j < words; j++)
        {
            // Bit x: module x is the colour of module x + 1.
            equal[j] = ~(line[j] ^ Shifted(line, j, 1)) & Valid(j, size - 1);
        }

        var score = 0;
        var previous = 0UL;
        Span<ulong> at = stackalloc ulong[11];
        for (var j = 0; j < words; j++)
        {
            // Bit x: modules x to x + 4 are one colour. A run of n >= 5 has n - 4 of them, in one group,
            // and costs n - 2: one for each bit, two more for each group.
            var five = equal[j] & Shifted(equal, j, 1) & Shifted(equal, j, 2) & Shifted(equal, j, 3);
            var starts = five & ~((five << 1) | (previous >> 63));
            score += BitOperations.PopCount(five) + (2 * BitOperations.PopCount(starts));
            previous = five;

            for (var k = 0; k < 11; k++)
            {
                at[k] = Shifted(line, j, k);
            }

            var dark = at[0] & ~at[1] & at[2] & at[3] & at[4] & ~at[5] & at[6] & ~at[7] & ~at[8] & ~at[9] & ~at[10];
            var light = ~at[0] & ~at[1] & ~at[2] & ~at[3] & at[4] & ~at[5] & at[6] & at[7] & at[8] & ~at[9] & at[10];
            var valid = Valid(j, size - 10);
            score += 40 * (BitOperations.PopCount(dark & valid) + BitOperations.PopCount(light & valid));
        }

        return score;
    }

    /// <summary>Word <paramref name="j"/> of the line shifted by <paramref name="k"/> (0-63) modules: its bit x is module 64j + x + k.</summary>
    private static ulong Shifted(ReadOnlySpan<ulong> line, int j, int k) =>
        k == 0 ? line[j] : (line[j] >> k) | (j + 1 < line.Length ? line[j + 1] << (64 - k) : 0UL);

    /// <summary>The bits of word <paramref name="j"/> for modules before <paramref name="count"/>.</summary>
    private static ulong Valid(int j, int count)
    {
        var inWord = count - (64 * j);
        return inWord <= 0 ? 0UL : inWord >= 64 ? ulong.MaxValue : (1UL << inWord) - 1;
    }
}
