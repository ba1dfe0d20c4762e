using System.Runtime.CompilerServices;
using AssetAuction.Service.Data;
using Microsoft.EntityFrameworkCore.Metadata;
using DomainAsset = AssetAuction.Domain.Assets.Asset;

namespace AssetAuction.Service.Seizures;

/// <summary>
/// Which asset, if any, holds one of the given identities (a land parcel, a vehicle) under an active seizure: the
/// check every RegisterSeizure makes before it decides, one plain command made from the model
/// (<see cref="ModelCommand"/>) on the unique index of the active identity. As an EF Core query (a list parameter
/// in Contains) it was 5% to 9% of RegisterSeizure's CPU in profiles, nearly all of it EF Core's own work per
/// call: building and funcletizing the expression, the query cache lookup, the shaper.
/// </summary>
internal static class ActiveSeizureHolders
{
    private static readonly ConditionalWeakTable<IModel, Statement> Made = [];

    /// <summary>An asset (id, the identity it holds, its office) holding one of <paramref name="keys"/>, or null.</summary>
    public static Task<Holder?> FirstAsync(AssetAuctionDbContext db, IReadOnlyList<string> keys, CancellationToken ct)
    {
        var (text, parameters) = Command(db, keys.Count);
        return ModelCommand.ReadAsync(db, text, parameters, [.. keys], static async (reader, ct) =>
            await reader.ReadAsync(ct) ? new Holder(reader.GetString(0), reader.GetString(1), reader.GetString(2)) : null, ct);
    }

    /// <summary>The statement's text for <paramref name="count"/> keys on <paramref name="db"/>'s provider (for tests).</summary>
    internal static string Text(AssetAuctionDbContext db, int count) => Command(db, count).Text;

    private static (string Text, ModelCommand.Parameter[] Parameters) Command(AssetAuctionDbContext db, int count)
    {
        var s = Made.GetValue(db.Model, _ => Statement.Build(db));
        var parameters = new ModelCommand.Parameter[count];
        for (var i = 0; i < count; i++)
        {
            parameters[i] = s.Key with { Name = s.Key.Name + i.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        }

        // At most one row per key (the index is unique); the first is enough.
        return (s.Text + $"({string.Join(", ", parameters.Select(p => p.Name))})", parameters);
    }

    internal sealed record Holder(string Id, string ActiveIdentityKey, string Office);

    private sealed record Statement(string Text, ModelCommand.Parameter Key)
    {
        public static Statement Build(AssetAuctionDbContext db)
        {
            string Column(string property) => ModelCommand.Column(db, typeof(DomainAsset), property);
            var key = ModelCommand.ParameterFor(db, typeof(DomainAsset), nameof(DomainAsset.ActiveIdentityKey), "key");
            var text = $"SELECT {Column(nameof(DomainAsset.Id))}, {Column(nameof(DomainAsset.ActiveIdentityKey))}, {Column(nameof(DomainAsset.Office))} "
                + $"FROM {ModelCommand.Table(db, typeof(DomainAsset))} WHERE {Column(nameof(DomainAsset.ActiveIdentityKey))} IN ";
            return new Statement(text, key);
        }
    }
}
