namespace AssetAuction.Domain.Assets;

/// <summary>
/// A land-use right, identified by province, commune, map sheet and parcel (LTHADS art. 111).
/// Area is a measurement, not money, so a double is fine here.
/// </summary>
public sealed class LandUseRight
{
    public string Province { get; init; } = "";

    public string Commune { get; init; } = "";

    public string MapSheetNumber { get; init; } = "";

    public string ParcelNumber { get; init; } = "";

    public string Address { get; init; } = "";

    public double AreaM2 { get; init; }

    public string LandUsePurpose { get; init; } = "";

    public string UseTerm { get; init; } = "";

    public string CertificateNumber { get; init; } = "";

    public DateOnly? CertificateIssueDate { get; init; }

    /// <summary>The debtor's only residence: the housing amount is kept back when it is sold (LTHADS 115.5).</summary>
    public bool OnlyResidence { get; init; }

    public List<AttachedProperty> AttachedProperties { get; init; } = [];
}

/// <summary>A house or other property on the land. If someone else owns it, only the land is seized and that owner is told.</summary>
public sealed class AttachedProperty
{
    public string Description { get; init; } = "";

    public double FloorAreaM2 { get; init; }

    public bool OwnedByDebtor { get; init; }

    public string OwnerName { get; init; } = "";
}

public enum HouseType
{
    Unspecified = 0,
    House = 1,
    Apartment = 2,
}

public sealed class House
{
    public HouseType Type { get; init; }

    public string Province { get; init; } = "";

    public string Commune { get; init; } = "";

    public string Address { get; init; } = "";

    public string ApartmentNumber { get; init; } = "";

    public double FloorAreaM2 { get; init; }

    public string CertificateNumber { get; init; } = "";

    public DateOnly? CertificateIssueDate { get; init; }

    public bool OnlyResidence { get; init; }
}

public sealed class RoadVehicle
{
    public string PlateNumber { get; init; } = "";

    public string ChassisNumber { get; init; } = "";

    public string EngineNumber { get; init; } = "";

    public string RegistrationCertificateNumber { get; init; } = "";

    public DateOnly? RegistrationDate { get; init; }

    public string MakeModel { get; init; } = "";
}

public sealed class OtherMovable
{
    public string Description { get; init; } = "";

    public string IdentifyingMarks { get; init; } = "";

    public long Quantity { get; init; }
}
