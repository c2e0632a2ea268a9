from .current import site_identity


def identity(request):
    return {"identity": site_identity()}
