import sys

from emotecare_dev.cli.main import main

sys.exit(main())
