using System.Globalization;

namespace AssetAuction.Service.Journal;

/// <summary>Makes resource ids. One instance per process (a singleton in the container); tests may substitute their own.</summary>
public interface IIdGenerator
{
    /// <summary>A new id for a resource made at <paramref name="now"/>: 32 lowercase hex digits that sort by creation time.</summary>
    string NewId(DateTimeOffset now);
}

/// <summary>
/// Version-7 UUIDs in lowercase hex: a 48-bit millisecond time prefix, then random bits, so ids sort by creation
/// time, which keyset paging ("newest first") relies on. Guid.CreateVersion7 is random within a millisecond, so
/// this instance also keeps its ids strictly increasing (the assets of one act list in the order given): a
/// candidate not above the last id given becomes the last id plus one. Across processes ids are unique by their
/// 74 random bits and ordered by their millisecond (README: "Ids, the calendar and the write gate are services").
/// </summary>
public sealed class IdGenerator : IIdGenerator
{
    private readonly Lock _gate = new();
    private UInt128 _last;

    public string NewId(DateTimeOffset now)
    {
        var candidate = UInt128.Parse(Guid.CreateVersion7(now).ToString("N"), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        lock (_gate)
        {
            _last = candidate > _last ? candidate : _last + 1;
            return _last.ToString("x32", CultureInfo.InvariantCulture);
        }
    }
}
