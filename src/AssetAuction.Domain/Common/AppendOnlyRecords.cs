using System.Collections;

namespace AssetAuction.Domain.Common;

/// <summary>
/// An append-only list an aggregate keeps (an asset's history, a round's changes). Its elements are never changed or
/// removed once added, so it is stored one row per element and a write inserts only the elements added since it was
/// read: its cost does not grow with the list. An aggregate read from storage starts with its list not attached;
/// reading or adding to it before the reader attaches the stored elements throws, so a reader that forgot them can
/// neither show nor store a truncated list.
/// </summary>
public sealed class AppendOnlyRecords<T> : IReadOnlyList<T>
    where T : class
{
    private readonly List<T> _items = [];
    private bool _attached;

    /// <summary>A new aggregate's list: empty, nothing stored.</summary>
    public AppendOnlyRecords() => _attached = true;

    /// <summary>With <paramref name="attached"/> false: the list of an aggregate read from storage, until its stored elements are attached.</summary>
    internal AppendOnlyRecords(bool attached) => _attached = attached;

    /// <summary>Whether the stored elements are here (always, for a new aggregate).</summary>
    public bool IsAttached => _attached;

    /// <summary>How many elements, from the first, are stored already or handed to be stored (see <see cref="MarkStored"/>).</summary>
    public int Stored { get; private set; }

    public int Count => Attached().Count;

    public T this[int index] => Attached()[index];

    /// <summary>Attaches the stored elements, oldest first, as read. Not a change.</summary>
    public void Attach(IEnumerable<T> stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        if (_attached)
        {
            throw new InvalidOperationException($"The {typeof(T).Name} list is attached already.");
        }

        _items.AddRange(stored);
        Stored = _items.Count;
        _attached = true;
    }

    /// <summary>The elements added since the list was read or last marked stored, with the 1-based number of the first.</summary>
    public (int FirstNumber, IReadOnlyList<T> Elements) Unstored() =>
        (Stored + 1, Attached().Count == Stored ? [] : _items.GetRange(Stored, _items.Count - Stored));

    /// <summary>Records that every element is stored, or handed to a write that stores them.</summary>
    public void MarkStored() => Stored = Attached().Count;

    public IEnumerator<T> GetEnumerator() => Attached().GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    internal void Add(T element)
    {
        ArgumentNullException.ThrowIfNull(element);
        Attached().Add(element);
    }

    private List<T> Attached() => _attached
        ? _items
        : throw new InvalidOperationException($"The stored {typeof(T).Name} elements are not attached: the reader must load them before the list is read or added to.");
}
