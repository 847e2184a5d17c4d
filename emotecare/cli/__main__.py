import sys

from emotecare.cli.main import main

sys.exit(main())
