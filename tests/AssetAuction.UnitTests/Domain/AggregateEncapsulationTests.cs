using System.Reflection;
using System.Runtime.CompilerServices;
using AssetAuction.Domain.Assets;
using AssetAuction.Domain.Proceeds;

namespace AssetAuction.UnitTests.Domain;

/// <summary>
/// The aggregates guard themselves (issue 11, point 5): from outside the domain nothing can add to their
/// collections or change their state except through a behaviour method, so no caller can, say, add a buyer's
/// payment without its ledger movement. Checked over the types' public surface, so a new public setter or a
/// collection exposed as a List fails here.
/// </summary>
public sealed class AggregateEncapsulationTests
{
    public static TheoryData<Type> Aggregates() =>
    [
        typeof(Asset), typeof(SeizureAct), typeof(AuctionRound), typeof(Deadline), typeof(StoredPlan),
        typeof(Sale), typeof(Handover), typeof(CreditorTakeover),
    ];

    [Theory]
    [MemberData(nameof(Aggregates))]
    public void No_public_setter_changes_an_aggregate_after_it_is_made(Type type)
    {
        var settable = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.SetMethod is { IsPublic: true } setter && !IsInitOnly(setter))
            .Select(p => p.Name);
        Assert.Empty(settable);
    }

    [Theory]
    [MemberData(nameof(Aggregates))]
    public void Collections_are_exposed_read_only(Type type)
    {
        var mutable = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.PropertyType.IsGenericType && p.PropertyType.GetGenericTypeDefinition() is var definition
                && (definition == typeof(List<>) || definition == typeof(IList<>) || definition == typeof(ICollection<>)))
            .Select(p => p.Name);
        Assert.Empty(mutable);
    }

    [Fact]
    public void A_sale_s_payments_cannot_be_added_to_from_outside()
    {
        var payments = typeof(Sale).GetProperty(nameof(Sale.Payments))!;
        Assert.Equal(typeof(IReadOnlyList<BuyerPayment>), payments.PropertyType);
        Assert.Null(payments.SetMethod);
        Assert.False(typeof(Sale).GetMethod("AddPayment", BindingFlags.Instance | BindingFlags.NonPublic)!.IsPublic);
    }

    private static bool IsInitOnly(MethodInfo setter) =>
        setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit));
}
