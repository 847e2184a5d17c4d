"""The EmoteCare API (Chalice). Wiring only: each area's routes live in a blueprint."""
from chalice import Chalice

from api.blueprints import register_blueprints

app = Chalice(app_name="emotecare")
register_blueprints(app)
