using AssetAuction.Domain.Proceeds;
using AssetAuction.Service.Data;
using Microsoft.EntityFrameworkCore;

namespace AssetAuction.Service.Proceeds;

/// <summary>
/// Pairs statement lines with the ledger's custody movements, in a few set-based queries for a whole set of
/// (amount, reference) keys instead of one query per line. The pairing is the one the reconciliation has always
/// made: lines in id order (oldest first), each takes the first movement of its amount and reference, in ledger
/// id order, that no line of the office has matched yet; a movement is matched at most once.
/// </summary>
internal static class StatementMatcher
{
    /// <summary>An amount and a reference: a line can only match a movement with the same key.</summary>
    public readonly record struct Key(long Amount, string Reference);

    /// <summary>
    /// Matches <paramref name="newLines"/> (not saved yet, in id order) together with every older unmatched line
    /// of the office that shares a key with <paramref name="keys"/>. Lines and movements of other keys cannot
    /// compete with these for a movement, so leaving them out changes no pairing. Returns the number of matches.
    /// </summary>
    public static async Task<int> MatchAsync(AssetAuctionDbContext db, string office, IReadOnlyCollection<Key> keys, IReadOnlyList<StatementLine> newLines, CancellationToken ct)
    {
        if (keys.Count == 0)
        {
            return 0;
        }

        var comparer = KeyComparer.For(db);
        var wanted = keys.ToHashSet(comparer);
        var amounts = wanted.Select(k => k.Amount).Distinct().ToList();
        var references = wanted.Select(k => k.Reference).Distinct(comparer.References).ToList();

        // "Matched by no line" asks by transaction id alone: a transaction's postings all belong to one office, and
        // only that office's lines can match it. Naming the office there too lets SQLite probe an office-wide index
        // instead of the one on MatchedTransactionId, and scan every line of the office for each movement.
        // One JSON array parameter per list (EF.Parameter), not one SQL parameter per value: a part holds
        // thousands of keys, beyond SQL Server's 2,100 parameters. Amount and reference are filtered apart, so
        // the rows are narrowed to the exact keys here.
        var movements = await db.LedgerEntries.AsNoTracking()
            .Where(e => e.Office == office && e.Account == LedgerAccount.Custody
                && EF.Parameter(amounts).Contains(e.Amount) && EF.Parameter(references).Contains(e.Reference)
                && !db.StatementLines.Any(m => m.MatchedTransactionId == e.TransactionId))
            .OrderBy(e => e.Id)
            .Select(e => new { e.Amount, e.Reference, e.TransactionId })
            .ToListAsync(ct);
        var candidates = movements.Where(m => wanted.Contains(new Key(m.Amount, m.Reference))).ToLookup(m => new Key(m.Amount, m.Reference), m => m.TransactionId, comparer);
        if (candidates.Count == 0)
        {
            // No movement of these keys is left to match: no line of them, old or new, can be matched. This is the
            // usual case once a statement's expected receipts have been paired, and it spares loading (and
            // tracking) every older unmatched line of these keys for each part of an import.
            return 0;
        }

        // Only the keys that still have a movement: the older lines of the others could not be matched anyway.
        var open = candidates.Select(c => c.Key).ToHashSet(comparer);
        var openAmounts = open.Select(k => k.Amount).Distinct().ToList();
        var openReferences = open.Select(k => k.Reference).Distinct(comparer.References).ToList();
        var older = (await db.StatementLines
                .Where(s => s.Office == office && s.MatchedTransactionId == null
                    && EF.Parameter(openAmounts).Contains(s.Amount) && EF.Parameter(openReferences).Contains(s.Reference))
                .ToListAsync(ct))
            .Where(s => open.Contains(new Key(s.Amount, s.Reference)));

        var taken = new HashSet<string>(StringComparer.Ordinal);
        var matched = 0;
        foreach (var line in older.Concat(newLines).OrderBy(l => l.Id, StringComparer.Ordinal))
        {
            if (candidates[new Key(line.Amount, line.Reference)].FirstOrDefault(t => !taken.Contains(t)) is { } match)
            {
                line.MatchTo(match);
                taken.Add(match);
                matched++;
            }
        }

        return matched;
    }

    /// <summary>
    /// The keys of the office's unmatched lines that a movement nobody has matched could now take: the movement
    /// was recorded after the line was imported. Read before the write lock; the match itself re-reads under it.
    /// </summary>
    public static async Task<List<Key>> RematchableKeysAsync(AssetAuctionDbContext db, string office, CancellationToken ct)
    {
        var keys = await db.StatementLines.AsNoTracking()
            .Where(s => s.Office == office && s.MatchedTransactionId == null
                && db.LedgerEntries.Any(e => e.Office == office && e.Account == LedgerAccount.Custody && e.Amount == s.Amount && e.Reference == s.Reference
                    && !db.StatementLines.Any(m => m.MatchedTransactionId == e.TransactionId)))
            .Select(s => new { s.Amount, s.Reference })
            .Distinct()
            .ToListAsync(ct);
        return keys.Select(k => new Key(k.Amount, k.Reference)).Distinct(KeyComparer.For(db)).OrderBy(k => k.Amount).ThenBy(k => k.Reference, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Keys compared as the database compares them: SQLite compares text exactly, SQL Server's default collation
    /// ignores case, so a reference matches on each provider here exactly as it does in its queries.
    /// </summary>
    private sealed class KeyComparer(StringComparer references) : IEqualityComparer<Key>
    {
        private static readonly KeyComparer Exact = new(StringComparer.Ordinal);
        private static readonly KeyComparer IgnoringCase = new(StringComparer.OrdinalIgnoreCase);

        public StringComparer References { get; } = references;

        public static KeyComparer For(AssetAuctionDbContext db) => db.Database.IsSqlServer() ? IgnoringCase : Exact;

        public bool Equals(Key x, Key y) => x.Amount == y.Amount && References.Equals(x.Reference, y.Reference);

        public int GetHashCode(Key obj) => HashCode.Combine(obj.Amount, References.GetHashCode(obj.Reference));
    }
}
